using Hl7.Fhir.Model;
using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>GET /fhir/Patient: PDQm ITI-78. Results never carry contact data.</summary>
internal static class PatientSearchEndpoint
{
    public static async Task<IResult> SearchAsync(HttpRequest request, VigieDbContext db, CancellationToken ct)
    {
        var query = PdqmQuery.Parse(request.Query);
        if (!query.Success)
        {
            return Outcomes.BadRequest(query.Error!);
        }

        var page = await PatientSearch.ExecuteAsync(db, query.Value, ct).ConfigureAwait(false);
        var locals = await IdentityQueries.LocalsAsync(db, page.Rows.Select(r => r.Id).ToList(), ct).ConfigureAwait(false);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = page.Total };
        foreach (var row in page.Rows)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{request.Scheme}://{request.Host}/fhir/Patient/{row.Id}",
                Resource = IdentityQueries.Render(row, locals, includeContact: false),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return new FhirResult(bundle, StatusCodes.Status200OK);
    }
}
