using Microsoft.EntityFrameworkCore;
using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Storage;

namespace Vigie.Detection;

/// <summary>
/// What the engine needs to know of the patients a request would disclose: the establishments that hold a local
/// record of each (care links) and whether it is a canary. Two indexed queries per request, whatever the page size.
/// </summary>
internal static class PatientFactsLoader
{
    public static async Task<IPatientFacts> LoadAsync(VigieDbContext db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Facts(new Dictionary<string, PatientFacts>(StringComparer.Ordinal));
        }

        var systems = await db.Establishments.AsNoTracking().Select(e => new { e.IppSystem, e.Finess }).ToListAsync(ct).ConfigureAwait(false);
        var finessOf = systems.ToDictionary(s => s.IppSystem, s => new Finess(s.Finess), StringComparer.Ordinal);
        var links = await db.LocalRecords.AsNoTracking().Where(l => ids.Contains(l.IdentityId)).Select(l => new { l.IdentityId, l.System })
            .ToListAsync(ct).ConfigureAwait(false);
        var canaries = await db.Canaries.AsNoTracking().Where(c => ids.Contains(c.IdentityId)).Select(c => c.IdentityId).ToListAsync(ct).ConfigureAwait(false);
        var canarySet = canaries.ToHashSet(StringComparer.Ordinal);
        // A lookup, not a scan per id: the warm start loads a few thousand patients at once.
        var linksOf = links.Where(l => finessOf.ContainsKey(l.System)).ToLookup(l => l.IdentityId, l => finessOf[l.System], StringComparer.Ordinal);
        var facts = new Dictionary<string, PatientFacts>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            facts[id] = new PatientFacts(canarySet.Contains(id), [.. linksOf[id].Distinct()]);
        }

        return new Facts(facts);
    }

    private sealed class Facts(Dictionary<string, PatientFacts> facts) : IPatientFacts
    {
        public bool TryGet(PatientId patient, out PatientFacts value) => facts.TryGetValue(patient.Value, out value);
    }
}
