using System.Globalization;
using Vigie.Core.Identity;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>Builds a <see cref="SyntheticRegion"/> from its options; the same options always give the same region.</summary>
public static class RegionBuilder
{
    /// <summary>Builds the region.</summary>
    public static SyntheticRegion Build(RegionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var generator = new SyntheticIdentityGenerator(options.Seed, options.Start,
            SyntheticIdentityOptions.Default with { EstablishmentCount = options.Establishments, InsKind = InsKind.Demo });
        var records = generator.GenerateBatch(options.Patients);
        var establishments = Establishments(options.Seed, generator.Establishments);
        var patients = Patients(options.Seed, records);
        var real = patients.Count;
        patients.AddRange(Canaries(options, establishments, patients));
        var professionals = ProfessionalFactory.Create(options, establishments, [.. establishments.Select(e => patients.Take(real).Count(p => p.Establishments.Contains(e.Finess)))]);
        return new SyntheticRegion(options, ParisTime(), establishments, professionals, patients, records);
    }

    /// <summary>Europe/Paris, or UTC on a machine without the time zone database.</summary>
    public static TimeZoneInfo ParisTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static List<RegionEstablishment> Establishments(int seed, IReadOnlyList<Establishment> generated)
    {
        var result = new List<RegionEstablishment>(generated.Count);
        for (var i = 0; i < generated.Count; i++)
        {
            var random = new SimRandom(SimRandom.Derive(seed, i, RegionStreams.Networks));
            var sites = i == 0 ? 4 : 1 + random.Next(3);
            var subnets = new List<int>();
            while (subnets.Count < sites)
            {
                var s = random.Next(1, 250);
                if (!subnets.Contains(s))
                {
                    subnets.Add(s);
                }
            }

            result.Add(new RegionEstablishment(i, generated[i].Finess, generated[i].Name, NetworkPlan.EstablishmentBlock(i), subnets, UserAgents.EstablishmentStandard(random)));
        }

        return result;
    }

    /// <summary>One regional identity per person: the reference record's traits, a link per establishment holding a record.</summary>
    private static List<RegionPatient> Patients(int seed, GeneratedRecord[] records)
    {
        var byPerson = new Dictionary<int, (GeneratedRecord Reference, List<Finess> Where, List<string> Ipps)>();
        var order = new List<int>();
        foreach (var r in records)
        {
            if (!byPerson.TryGetValue(r.PersonKey, out var entry))
            {
                entry = (r, [], []);
                byPerson[r.PersonKey] = entry;
                order.Add(r.PersonKey);
            }

            if (!entry.Where.Contains(r.Establishment.Finess))
            {
                entry.Where.Add(r.Establishment.Finess);
                entry.Ipps.Add(r.Ipp.Value);
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var patients = new List<RegionPatient>(order.Count);
        foreach (var key in order)
        {
            var (reference, where, ipps) = byPerson[key];
            var t = reference.Traits;
            patients.Add(new RegionPatient(NewId(seed, key, ids), t.BirthName, t.FirstGivenName, t.BirthDate!.Value, t.Sex, where, ipps, Canary: false,
                t.UsedName, t.GivenNames));
        }

        return patients;
    }

    /// <summary>
    /// Canaries: plausible identities (age and sex from the generator) planted in one establishment each, named with a
    /// common surname and a common given name in a combination no real patient carries, born on a day no real patient
    /// with that surname was, nor a day off or with day and month swapped (a desk's slips when typing a birth date): a
    /// search for a real patient can never return one, while enumerating common names does.
    /// "Never" holds for the registry's prefix rules too (a search for MARTIN LEA finds MARTINEZ LEANNE), so no real
    /// patient's surname may begin the canary's with a given name beginning the canary's, or with its birth date.
    /// </summary>
    private static IEnumerable<RegionPatient> Canaries(RegionOptions options, List<RegionEstablishment> establishments, List<RegionPatient> patients)
    {
        var names = patients.Select(p => (p.Family, p.Given, p.Sex)).ToHashSet();
        var births = patients.Select(p => (p.Family, p.BirthDate)).ToHashSet();
        var ids = patients.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var surnames = patients.GroupBy(p => p.Family, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(400).Select(g => g.Key).ToArray();
        var givens = patients.GroupBy(p => (p.Given, p.Sex)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Given, StringComparer.Ordinal).Take(60).Select(g => g.Key).ToArray();
        var random = new SimRandom(SimRandom.Derive(options.Seed, 0, RegionStreams.Canaries));
        var source = new SyntheticIdentityGenerator(options.Seed ^ 0x5A5A5A5, options.Start).Generate(100_000).Where(r => r.IsReference).GetEnumerator();
        using (source)
        {
            foreach (var e in establishments)
            {
                var inCare = patients.Count(p => p.Establishments.Contains(e.Finess));
                var count = Math.Max(3, (int)Math.Round(inCare * options.CanaryShare));
                for (var i = 0; i < count && source.MoveNext(); i++)
                {
                    var t = source.Current.Traits;
                    string family;
                    (string Given, Sex Sex) given;
                    do
                    {
                        family = surnames[random.Next(surnames.Length)];
                        given = givens[random.Next(givens.Length)];
                    }
                    while (FoundBySearchFor(names, births, family, given.Given, given.Sex, t.BirthDate!.Value));

                    names.Add((family, given.Given, given.Sex));
                    births.Add((family, t.BirthDate!.Value));

                    var ipp = random.NextUInt64() % 10_000_000_000UL;
                    yield return new RegionPatient(NewId(options.Seed, -1 - source.Current.Index, ids), family, given.Given, t.BirthDate!.Value, given.Sex,
                        [e.Finess], [ipp.ToString("D10", CultureInfo.InvariantCulture)], Canary: true);
                }
            }
        }
    }

    /// <summary>
    /// True when a search for one of the people in <paramref name="names"/> (family + given + gender) or
    /// <paramref name="births"/> (family + birth date, typed right or with a slip: <see cref="BirthDateSlips"/>) would
    /// also return this identity: PDQm names match by prefix.
    /// </summary>
    private static bool FoundBySearchFor(HashSet<(string, string, Sex)> names, HashSet<(string, DateOnly)> births, string family, string given, Sex sex, DateOnly birthDate)
    {
        for (var f = 1; f <= family.Length; f++)
        {
            var surname = family[..f];
            foreach (var slip in BirthDateSlips.Of(birthDate))
            {
                if (births.Contains((surname, slip)))
                {
                    return true;
                }
            }

            for (var g = 1; g <= given.Length; g++)
            {
                if (names.Contains((surname, given[..g], sex)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A random-looking id, as the registry gives (so ids cannot be enumerated).</summary>
    private static string NewId(int seed, long key, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = "p-" + (SimRandom.Derive(seed, (key * 31) + attempt, RegionStreams.Professionals) & 0xFFFFFFFFFFFFUL).ToString("x12", CultureInfo.InvariantCulture);
            if (taken.Add(id))
            {
                return id;
            }
        }
    }
}
