using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>
/// GET /fhir/Patient: PDQm ITI-78. Only specific searches run (see SearchPolicy); more matches than the page is
/// a "refine the search" refusal, never a truncated list. Results never carry contact data.
/// </summary>
internal static class PatientSearchEndpoint
{
    public static async Task<IResult> SearchAsync(HttpRequest request, VigieDbContext db, AuthSettings auth, CancellationToken ct)
    {
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
            return AccessResults.From(decision);
        }

        var page = await PatientSearch.ExecuteAsync(db, query, ct).ConfigureAwait(false);
        decision = SearchPolicy.CheckResult(rules, page.MoreThanPage, query.Count);
        if (!decision.IsAllowed)
        {
            return AccessResults.From(decision);
        }

        var locals = await IdentityQueries.LocalsAsync(db, page.Rows.Select(r => r.Id).ToList(), ct).ConfigureAwait(false);
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

        return new FhirResult(bundle, StatusCodes.Status200OK);
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
