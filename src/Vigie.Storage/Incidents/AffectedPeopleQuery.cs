using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Registry;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Turns a scope into the people to inform, with their current contacts: the seam for notification (Art. 34).
/// Identities merged after the disclosure are followed to the surviving one, so two disclosed records of one
/// person give one person, with the union of what was exposed.
/// </summary>
public static class AffectedPeopleQuery
{
    private const int Chunk = 2_000;
    private const int MaxMergeDepth = 16;

    /// <summary>One <see cref="AffectedPerson"/> per surviving identity, ordered by id; unknown ids kept, marked not found.</summary>
    public static async Task<IReadOnlyList<AffectedPerson>> LoadAsync(VigieDbContext db, IncidentScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var rows = new Dictionary<string, IdentityRow>(StringComparer.Ordinal);
        var wanted = scope.Patients.Select(p => p.Patient.Value).ToList();
        for (var depth = 0; wanted.Count > 0 && depth < MaxMergeDepth; depth++)
        {
            foreach (var chunk in wanted.Chunk(Chunk))
            {
                var ids = chunk.ToList();
                foreach (var row in await db.Identities.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct).ConfigureAwait(false))
                {
                    rows[row.Id] = row;
                }
            }

            wanted = [.. rows.Values.Where(r => !r.Active && r.ReplacedById is { } next && !rows.ContainsKey(next)).Select(r => r.ReplacedById!).Distinct(StringComparer.Ordinal)];
        }

        return [.. scope.Patients
            .GroupBy(p => Surviving(p.Patient.Value, rows), StringComparer.Ordinal)
            .Select(g => Person(g.Key, [.. g], rows.GetValueOrDefault(g.Key)))
            .OrderBy(p => p.Patient.Value, StringComparer.Ordinal)];
    }

    private static string Surviving(string id, Dictionary<string, IdentityRow> rows)
    {
        for (var depth = 0; depth < MaxMergeDepth && rows.TryGetValue(id, out var row) && !row.Active && row.ReplacedById is { } next; depth++)
        {
            id = next;
        }

        return id;
    }

    private static AffectedPerson Person(string id, List<ExposedPatient> disclosed, IdentityRow? row)
    {
        var categories = disclosed.Aggregate(DisclosedData.None, (c, p) => c | p.Categories);
        var first = disclosed.Min(p => p.FirstDisclosure);
        var last = disclosed.Max(p => p.LastDisclosure);
        var ids = disclosed.Select(p => p.Patient).OrderBy(p => p.Value, StringComparer.Ordinal).ToArray();
        if (row is null)
        {
            return new AffectedPerson(new PatientId(id), ids, false, "", null, "", null, categories, first, last, [], [], null);
        }

        var address = row.AddressLines is null && row.PostalCode is null && row.City is null
            ? null
            : new PostalAddress(Lines(row.AddressLines), row.PostalCode, row.City, row.Country);
        return new AffectedPerson(new PatientId(id), ids, true, row.BirthName, row.UsedName, row.GivenNames, row.BirthDate, categories, first, last,
            Lines(row.Emails), Lines(row.Phones), address);
    }

    private static string[] Lines(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
