using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Storage;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// GET /fhir/AuditEvent?patient=&amp;agent=&amp;date=: the journal as BALP AuditEvents, for security officers only.
/// Reading the journal is itself journaled (one AuditQuery entry, naming the patient searched for, if any).
/// </summary>
internal static class AuditEventEndpoints
{
    public static IEndpointRouteBuilder MapAuditEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/AuditEvent", SearchAsync).RequireAccess(AccessAction.Audit);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, VigieDbContext db, JournalSigningKey key, CancellationToken ct)
    {
        var parsed = AuditEventQuery.Parse(http.Request.Query);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var search = parsed.Value;
        await http.JournalAsync(JournalAction.AuditQuery, search.PatientId is { } p ? [p] : [], DisclosedData.None,
            query: Vigie.Journal.MinimisedQuery.Of(http.Request.Query)).ConfigureAwait(false);

        // One more than the page tells whether there is a next page.
        var records = await JournalQueries.SearchAsync(db, search with { Limit = search.Limit + 1 }, key.SealKey, ct).ConfigureAwait(false);
        var page = records.Take(search.Limit).ToList();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        var observer = $"{http.Request.Scheme}://{http.Request.Host}";
        foreach (var record in page)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{observer}/fhir/AuditEvent/j-{record.Sequence.ToString(CultureInfo.InvariantCulture)}",
                Resource = AuditEventMapping.ToAuditEvent(record, key.Origin),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        if (records.Count > search.Limit)
        {
            var next = QueryString.Create(http.Request.Query.Where(q => q.Key != "_after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))))
                .Add("_after", page[^1].Sequence.ToString(CultureInfo.InvariantCulture));
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = $"{observer}/fhir/AuditEvent{next}" });
        }

        return new FhirResult(bundle, StatusCodes.Status200OK);
    }
}
