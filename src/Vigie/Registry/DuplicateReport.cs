using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Matching;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// The duplicate review queue as report lines: one per suspected pair (both regional ids, their local
/// identifiers as system|value, score and grade), plus, on request, one per automatically linked local record
/// so that the registry's own linking can be reviewed and measured.
/// </summary>
internal static class DuplicateReport
{
    public sealed record Line(
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("identityA")] string IdentityA,
        [property: JsonPropertyName("identityB")] string? IdentityB,
        [property: JsonPropertyName("localA")] IReadOnlyList<string> LocalA,
        [property: JsonPropertyName("localB")] IReadOnlyList<string> LocalB,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("grade")] string Grade,
        [property: JsonPropertyName("status")] string Status);

    public static async IAsyncEnumerable<Line> ReadAsync(VigieDbContext db, bool includeLinked, bool includeResolved,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int page = 1000;
        long after = 0;
        while (true)
        {
            var pairs = await db.DuplicateCandidates.AsNoTracking()
                .Where(d => d.Id > after && (includeResolved || d.Status == DuplicateStatus.Open))
                .OrderBy(d => d.Id).Take(page).ToListAsync(ct).ConfigureAwait(false);
            if (pairs.Count == 0)
            {
                break;
            }

            var ids = pairs.SelectMany(p => new[] { p.IdentityA, p.IdentityB }).Distinct().ToList();
            var locals = await IdentityQueries.LocalsAsync(db, ids, ct).ConfigureAwait(false);
            foreach (var p in pairs)
            {
                yield return new Line("pair", p.IdentityA, p.IdentityB, Format(locals, p.IdentityA), Format(locals, p.IdentityB),
                    Math.Round(p.Score, 6), PatientMatchEndpoint.GradeCode((MatchGrade)p.Grade), p.Status.ToString().ToLowerInvariant());
            }

            after = pairs[^1].Id;
        }

        if (!includeLinked)
        {
            yield break;
        }

        after = 0;
        while (true)
        {
            var linked = await db.LocalRecords.AsNoTracking().Where(l => l.Id > after && l.LinkedAutomatically)
                .OrderBy(l => l.Id).Take(page).ToListAsync(ct).ConfigureAwait(false);
            if (linked.Count == 0)
            {
                break;
            }

            foreach (var l in linked)
            {
                yield return new Line("linked", l.IdentityId, null, [l.System + "|" + l.Value], [], Math.Round(l.LinkScore ?? 1.0, 6), "certain", "linked");
            }

            after = linked[^1].Id;
        }
    }

    private static List<string> Format(Dictionary<string, List<Vigie.Core.Identity.LocalIdentifier>> locals, string id) =>
        (locals.GetValueOrDefault(id) ?? []).Select(l => l.ToString()).ToList();
}
