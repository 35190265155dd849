using Vigie.Core.Identity;
using Vigie.Simulation.Region;

namespace Vigie.Seeding;

/// <summary>
/// Where each simulated patient landed in the registry: the regional identity that its local record (its first
/// establishment's IPP) was registered under. Traces name patients by simulation id; the journal and the live
/// demo need registry ids.
/// </summary>
internal sealed class PatientDirectory
{
    private readonly Dictionary<string, PatientId> _bySimulationId = new(StringComparer.Ordinal);

    public int Count => _bySimulationId.Count;

    public void Add(string simulationId, PatientId identity) => _bySimulationId[simulationId] = identity;

    public PatientId? Find(string simulationId) => _bySimulationId.TryGetValue(simulationId, out var id) ? id : null;

    /// <summary>Builds the directory from registration outcomes keyed by (FINESS, IPP).</summary>
    public static PatientDirectory From(SyntheticRegion region, IReadOnlyDictionary<(string Finess, string Ipp), PatientId> registered)
    {
        var directory = new PatientDirectory();
        foreach (var p in region.Patients)
        {
            for (var i = 0; i < p.Establishments.Count; i++)
            {
                if (registered.TryGetValue((p.Establishments[i].Value, p.Ipps[i]), out var id))
                {
                    directory.Add(p.Id, id);
                    break;
                }
            }
        }

        return directory;
    }
}
