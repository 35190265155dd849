using System.Globalization;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// The region's establishments, drawn from the seed: one university hospital, then general hospitals and
/// clinics of decreasing size. Sizes follow a Zipf-like law, as admissions do between a CHU and a clinic.
/// </summary>
internal static class EstablishmentFactory
{
    private static readonly WeightedTable<string> Kinds = new(
    [
        ("Centre hospitalier", 50), ("Clinique", 20), ("Polyclinique", 15), ("Hôpital privé", 10), ("Centre de santé", 5),
    ]);

    public static Establishment[] Create(int seed, int count)
    {
        var random = new SimRandom(SimRandom.Derive(seed, 0, RandomStream.Establishments));
        var establishments = new Establishment[count];
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var place = i == 0 ? NameTables.RegionPlaces[0] : NameTables.RegionPlaces.Draw(random);
            var kind = i == 0 ? "Centre hospitalier universitaire" : Kinds.Draw(random);
            var name = kind + " " + Of(place.Name);
            for (var site = 2; !names.Add(name); site++)
            {
                // Two clinics of one town: real ones differ by name; a site number is enough here.
                name = kind + " " + Of(place.Name) + " (site " + site.ToString(CultureInfo.InvariantCulture) + ")";
            }

            string finess;
            do
            {
                var body = place.Department + random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                finess = body + Luhn.CheckDigit(body);
            }
            while (!numbers.Add(finess));

            establishments[i] = new Establishment(
                new Finess(finess),
                name,
                "urn:oid:1.2.250.1.71.4.2.7." + finess);
        }

        return establishments;
    }

    /// <summary>Relative sizes, for drawing where a record was created: 1/(rank+1)^0.8, in integers.</summary>
    public static WeightedTable<int> Sizes(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => (i, (int)Math.Round(10_000 / Math.Pow(i + 1, 0.8))))]);

    /// <summary>"de Lille", "d'Amiens", "du Touquet-Paris-Plage", "de La Madeleine".</summary>
    private static string Of(string city)
    {
        if (city.StartsWith("Le ", StringComparison.Ordinal))
        {
            return "du " + city[3..];
        }

        return city[0] is 'A' or 'E' or 'É' or 'I' or 'O' or 'U' or 'H' ? "d'" + city : "de " + city;
    }
}
