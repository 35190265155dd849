using Vigie.Simulation.Identities;
using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Region;

/// <summary>
/// A synthetic health region: establishments with their networks, professionals of every role with their habits,
/// patients with realistic French identities and care links (duplicates across establishments become several
/// links), and canary identities planted in each establishment. Built from a seed by <see cref="RegionBuilder"/>.
/// </summary>
public sealed class SyntheticRegion : IPatientFacts
{
    private readonly Dictionary<string, int> _byId;

    internal SyntheticRegion(RegionOptions options, TimeZoneInfo timeZone, IReadOnlyList<RegionEstablishment> establishments, IReadOnlyList<Professional> professionals, IReadOnlyList<RegionPatient> patients, IReadOnlyList<GeneratedRecord> records)
    {
        Records = records;
        Options = options;
        TimeZone = timeZone;
        Establishments = establishments;
        Professionals = professionals;
        Patients = patients;
        Index = new SearchIndex(patients);
        _byId = new Dictionary<string, int>(patients.Count, StringComparer.Ordinal);
        var inCare = establishments.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < patients.Count; i++)
        {
            _byId[patients[i].Id] = i;
            if (!patients[i].Canary)
            {
                foreach (var f in patients[i].Establishments)
                {
                    inCare[IndexOf(f)].Add(i);
                }
            }
        }

        InCare = inCare;
        RealPatients = [.. Enumerable.Range(0, patients.Count).Where(i => !patients[i].Canary)];
    }

    /// <summary>The options it was built with.</summary>
    public RegionOptions Options { get; }

    /// <summary>Europe/Paris (UTC when the time zone database is missing): working hours are local.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Establishments, largest first.</summary>
    public IReadOnlyList<RegionEstablishment> Establishments { get; }

    /// <summary>Professionals.</summary>
    public IReadOnlyList<Professional> Professionals { get; }

    /// <summary>Every identity, canaries included.</summary>
    public IReadOnlyList<RegionPatient> Patients { get; }

    /// <summary>
    /// The establishments' local records the patients were built from (duplicates included, canaries not): what
    /// `vigie seed` registers, so the registry links them as it would links real feeds.
    /// </summary>
    public IReadOnlyList<GeneratedRecord> Records { get; }

    /// <summary>Search answers.</summary>
    public SearchIndex Index { get; }

    /// <summary>Per establishment (by index), the real patients in care there.</summary>
    public IReadOnlyList<IReadOnlyList<int>> InCare { get; }

    /// <summary>Indices of the patients that are not canaries.</summary>
    public IReadOnlyList<int> RealPatients { get; }

    /// <summary>The establishment's index in <see cref="Establishments"/>.</summary>
    public int IndexOf(Finess finess)
    {
        for (var i = 0; i < Establishments.Count; i++)
        {
            if (Establishments[i].Finess == finess)
            {
                return i;
            }
        }

        throw new ArgumentException("not an establishment of this region", nameof(finess));
    }

    /// <summary>The professionals holding <paramref name="role"/>.</summary>
    public IEnumerable<Professional> WithRole(Role role) => Professionals.Where(p => p.Role == role);

    /// <inheritdoc />
    public bool TryGet(PatientId patient, out PatientFacts facts)
    {
        if (_byId.TryGetValue(patient.Value, out var i))
        {
            facts = new PatientFacts(Patients[i].Canary, Patients[i].Establishments);
            return true;
        }

        facts = default;
        return false;
    }
}
