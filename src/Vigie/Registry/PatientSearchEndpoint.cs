using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>
/// GET /fhir/Patient: PDQm ITI-78. Only specific searches run (see SearchPolicy); more matches than the page is
/// a "refine the search" refusal, never a truncated list. Results never carry contact data.
/// </summary>
internal static class PatientSearchEndpoint
{
    public static async Task<IResult> SearchAsync(HttpContext http, VigieDbContext db, AuthSettings auth, LiveDetection detection, CancellationToken ct)
    {
        var request = http.Request;
        var parsed = PdqmQuery.Parse(request.Query);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var rules = auth.Policy.Search;
        var query = request.Query.ContainsKey("_count") ? parsed.Value : parsed.Value with { Count = Math.Min(parsed.Value.Count, rules.MaxCount) };
        var decision = SearchPolicy.Check(rules, Criteria(query));
        if (!decision.IsAllowed)
        {
            return await http.DeniedAsync(JournalAction.Search, decision).ConfigureAwait(false);
        }

        var page = await PatientSearch.ExecuteAsync(db, query, ct).ConfigureAwait(false);
        decision = SearchPolicy.CheckResult(rules, page.MoreThanPage, query.Count);
        if (!decision.IsAllowed)
        {
            return await http.DeniedAsync(JournalAction.Search, decision).ConfigureAwait(false);
        }

        // One entry per patient returned (BALP), durable before the answer; an empty result is journaled too
        // (probing for who is not in the registry is a signal of its own).
        var ids = page.Rows.Select(r => r.Id).ToList();
        if (await detection.JudgeAsync(http, db, AccessAction.Search, QueryShapes.Of(query), ids, ContactCategories.None, null, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        // The answer is rendered while its entries are written (the commit's fsync leaves the CPU free) and leaves
        // only once they are durable: an exception from DurableAsync is a 503 and the rendered answer is dropped.
        var journal = http.BeginJournal(JournalAction.Search, ids, DisclosedData.Identity, query: MinimisedQuery.Of(request.Query));
        var locals = await IdentityQueries.LocalsAsync(db, ids, ct).ConfigureAwait(false);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = page.Rows.Count };
        foreach (var row in page.Rows)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{request.Scheme}://{request.Host}/fhir/Patient/{row.Id}",
                Resource = IdentityQueries.Render(row, locals, ContactCategories.None),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        var answer = new FhirResult(bundle, StatusCodes.Status200OK).Serialize();
        await journal.DurableAsync().ConfigureAwait(false);
        return answer;
    }

    /// <summary>The shape of a query for the specificity rules: lengths of the normalised names, width of the date range.</summary>
    internal static SearchCriteria Criteria(PdqmQuery q)
    {
        int? span = (q.BirthDateFrom, q.BirthDateTo) switch
        {
            (null, null) => null,
            ({ } from, { } to) => to.DayNumber - from.DayNumber + 1,
            _ => int.MaxValue,
        };
        return new SearchCriteria(q.Family?.Length ?? 0, q.FamilyExact, q.Given?.Length ?? 0, q.GivenExact, span, q.Gender is not null, q.Identifier is not null, q.Count);
    }
}
