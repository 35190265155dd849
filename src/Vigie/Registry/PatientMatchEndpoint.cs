using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Core.Matching;
using Vigie.Detection;
using Vigie.Fhir;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// POST /fhir/Patient/$match (IHE ITI-119). Candidates come from the blocking index, are scored by the
/// Fellegi–Sunter model, and are returned best first with search.score and the match-grade extension.
/// With onlyCertainMatches, only certain matches are returned, so an uncertain result is an empty Bundle.
/// </summary>
internal static class PatientMatchEndpoint
{
    public const int DefaultCount = 10;
    public const int MaxCount = 20;

    public static async Task<IResult> MatchAsync(HttpContext http, VigieDbContext db, MatchModelProvider models,
        VigieSettings settings, LiveDetection detection, CancellationToken ct)
    {
        var request = http.Request;
        var thresholds = settings.Thresholds;
        var body = await FhirBody.ReadAsync<Parameters>(request, settings.MaxRequestBodyBytes, ct).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var parameters = body.Resource!;
        foreach (var p in parameters.Parameter)
        {
            if (p.Name is not ("resource" or "onlyCertainMatches" or "count"))
            {
                return Outcomes.BadRequest("unknown $match parameter; supported: resource, onlyCertainMatches, count", "Parameters.parameter.name");
            }
        }

        if (parameters.Parameter.Count(p => p.Name == "resource") != 1 || Named(parameters, "resource")?.Resource is not Patient patient)
        {
            return Outcomes.BadRequest("exactly one 'resource' parameter holding a Patient is required", "Parameters.parameter");
        }

        var onlyCertain = (Named(parameters, "onlyCertainMatches")?.Value as FhirBoolean)?.Value ?? false;
        var count = (Named(parameters, "count")?.Value as Integer)?.Value ?? DefaultCount;
        if (count is < 1 or > MaxCount)
        {
            return Outcomes.BadRequest($"count: from 1 to {MaxCount}", "Parameters.parameter");
        }

        var traits = MatchQueryMapping.ToTraits(patient);
        if (!traits.Success)
        {
            return Outcomes.Unprocessable(traits.Error!);
        }

        var model = models.Current(db);
        var query = MatchRecord.From(traits.Value);
        var keys = BlockingKeys.For(query).Distinct().ToList();
        var ids = await db.BlockingKeys.AsNoTracking().Where(k => keys.Contains(k.Key)).Select(k => k.IdentityId).Distinct()
            .ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.Id) && i.Active).ToListAsync(ct).ConfigureAwait(false);
        var scored = rows.Select(r => (Row: r, Score: MatchScorer.Score(model, query, MatchRecord.From(r.ToDomain().Traits), thresholds)))
            .Where(x => x.Score.Grade >= (onlyCertain ? MatchGrade.Certain : MatchGrade.Possible))
            .OrderByDescending(x => x.Score.Score).ThenBy(x => x.Row.Id, StringComparer.Ordinal)
            .Take(count).ToList();

        var shape = QueryShapes.Of(traits.Value);
        if (await detection.JudgeAsync(http, db, Vigie.Core.Access.AccessAction.Match, shape, scored.Select(x => x.Row.Id).ToList(), Vigie.Core.Access.ContactCategories.None, null, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        // One entry per patient returned, with its grade: the query itself is minimised to the traits given.
        var entries = scored.Select(x => HttpJournal.Entry(http, JournalAction.Match, x.Row.Id, DisclosedData.Identity, query: JournalQueryOf(patient, onlyCertain, x.Score.Grade))).ToList();
        // Rendered while the entries are written, sent once they are durable (decision 0023).
        var journal = http.BeginJournal(entries.Count > 0 ? entries : [HttpJournal.Entry(http, JournalAction.Match, null, DisclosedData.None, query: JournalQueryOf(patient, onlyCertain, null))]);
        var locals = await IdentityQueries.LocalsAsync(db, scored.Select(x => x.Row.Id).ToList(), ct).ConfigureAwait(false);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = scored.Count };
        foreach (var (row, score) in scored)
        {
            var search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match, Score = (decimal)Math.Round(score.Score, 4) };
            search.SetExtension(VigieExtensions.MatchGrade, new Code(GradeCode(score.Grade)));
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{request.Scheme}://{request.Host}/fhir/Patient/{row.Id}",
                Resource = IdentityQueries.Render(row, locals, Vigie.Core.Access.ContactCategories.None),
                Search = search,
            });
        }

        var answer = new FhirResult(bundle, StatusCodes.Status200OK).Serialize();
        await journal.DurableAsync().ConfigureAwait(false);
        return answer;
    }

    /// <summary>Which traits the query gave (names, not values), the mode and the grade of the returned patient.</summary>
    private static string JournalQueryOf(Patient patient, bool onlyCertain, MatchGrade? grade)
    {
        var given = new (bool Present, string Name)[]
        {
            (patient.Name.Count > 0, "name"), (patient.BirthDate is not null, "birthdate"), (patient.Gender is not null, "gender"),
            (patient.Identifier.Count > 0, "identifier"), (patient.Telecom.Count > 0, "telecom"), (patient.Address.Count > 0, "address"),
            (patient.Extension.Count > 0, "extension"), (onlyCertain, "onlyCertainMatches"),
        }.Where(t => t.Present).Select(t => t.Name);
        return MinimisedQuery.Of(given) + (grade is { } g ? ";grade=" + GradeCode(g) : "");
    }

    private static Parameters.ParameterComponent? Named(Parameters parameters, string name) =>
        parameters.Parameter.FirstOrDefault(p => p.Name == name);

    public static string GradeCode(MatchGrade grade) => grade switch
    {
        MatchGrade.Certain => "certain",
        MatchGrade.Probable => "probable",
        MatchGrade.Possible => "possible",
        _ => "certainly-not",
    };
}
