using Vigie.Core.Identity;

namespace Vigie.Simulation.Region;

/// <summary>
/// How the registry answers the searches of the trace, over every identity (canaries included: an attacker's
/// enumeration finds them, a professional's search for a real patient does not, since canaries carry surnames no real
/// patient has). Names follow the registry's PDQm rules (<c>PatientSearch</c>): <c>family</c> and <c>given</c> match
/// names that start with the value, <c>:exact</c> the whole name. A trace whose searches found fewer patients than
/// the registry would return teaches the engine baselines that the live server then exceeds (decision 0007).
/// </summary>
public sealed class SearchIndex
{
    // Every family name a patient is found by (birth name, and used name when it differs), sorted, with its patient.
    private readonly string[] _families;
    private readonly int[] _byFamily;
    private readonly Dictionary<(Finess, string), int> _byIpp = [];
    private readonly IReadOnlyList<RegionPatient> _patients;

    internal SearchIndex(IReadOnlyList<RegionPatient> patients)
    {
        _patients = patients;
        var names = new List<(string Name, int Patient)>(patients.Count + (patients.Count / 4));
        for (var i = 0; i < patients.Count; i++)
        {
            names.Add((patients[i].Family, i));
            if (patients[i].UsedName is { Length: > 0 } used && used != patients[i].Family)
            {
                names.Add((used, i));
            }
        }

        names.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var c && c != 0 ? c : a.Patient.CompareTo(b.Patient));
        _families = [.. names.Select(n => n.Name)];
        _byFamily = [.. names.Select(n => n.Patient)];
        for (var i = 0; i < patients.Count; i++)
        {
            var p = patients[i];
            for (var e = 0; e < p.Establishments.Count; e++)
            {
                _byIpp[(p.Establishments[e], p.Ipps[e])] = i;
            }
        }
    }

    /// <summary>
    /// Patients with a birth or used name that is <paramref name="family"/> (<paramref name="exact"/>) or starts
    /// with it, each once, in family-name order: the registry's <c>family:exact</c> and <c>family</c>.
    /// </summary>
    public IReadOnlyList<int> Family(string family, bool exact)
    {
        ArgumentNullException.ThrowIfNull(family);
        var found = new List<int>();
        for (var i = LowerBound(family); i < _families.Length && (exact ? _families[i] == family : _families[i].StartsWith(family, StringComparison.Ordinal)); i++)
        {
            // A patient whose birth and used names both match comes up twice: keep the birth name's entry.
            var patient = _byFamily[i];
            var birthName = _patients[patient].Family;
            if (_families[i] == birthName || !(exact ? birthName == family : birthName.StartsWith(family, StringComparison.Ordinal)))
            {
                found.Add(patient);
            }
        }

        return found;
    }

    /// <summary>The patient with this IPP in this establishment, or -1.</summary>
    public int Ipp(Finess establishment, string ipp) => _byIpp.TryGetValue((establishment, ipp), out var found) ? found : -1;

    // The first position whose family name is not ordinally below the value.
    private int LowerBound(string family)
    {
        int low = 0, high = _families.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(_families[mid], family) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
