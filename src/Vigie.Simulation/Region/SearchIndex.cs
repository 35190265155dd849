using Vigie.Core.Identity;

namespace Vigie.Simulation.Region;

/// <summary>
/// How the registry answers the searches of the trace: family + birth date, family + given + gender, and IPP lookups,
/// over every identity (canaries included: an attacker's enumeration finds them, a professional's search for a real
/// patient does not, since canaries carry surnames no real patient has).
/// </summary>
public sealed class SearchIndex
{
    private static readonly IReadOnlyList<int> None = [];

    private readonly Dictionary<(string, int), List<int>> _byFamilyBirth = [];
    private readonly Dictionary<(string, string, Sex), List<int>> _byFamilyGivenSex = [];
    private readonly Dictionary<(Finess, string), int> _byIpp = [];

    internal SearchIndex(IReadOnlyList<RegionPatient> patients)
    {
        for (var i = 0; i < patients.Count; i++)
        {
            var p = patients[i];
            Add(_byFamilyBirth, (p.Family, p.BirthDate.DayNumber), i);
            Add(_byFamilyGivenSex, (p.Family, p.Given, p.Sex), i);
            for (var e = 0; e < p.Establishments.Count; e++)
            {
                _byIpp[(p.Establishments[e], p.Ipps[e])] = i;
            }
        }
    }

    /// <summary>Patients with this family name and birth date.</summary>
    public IReadOnlyList<int> FamilyBirth(string family, DateOnly birthDate) =>
        _byFamilyBirth.TryGetValue((family, birthDate.DayNumber), out var found) ? found : None;

    /// <summary>Patients with this family name, first given name and sex (homonyms: a broad search).</summary>
    public IReadOnlyList<int> FamilyGivenSex(string family, string given, Sex sex) =>
        _byFamilyGivenSex.TryGetValue((family, given, sex), out var found) ? found : None;

    /// <summary>The patient with this IPP in this establishment, or -1.</summary>
    public int Ipp(Finess establishment, string ipp) => _byIpp.TryGetValue((establishment, ipp), out var found) ? found : -1;

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int patient)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(patient);
    }
}
