using System.Globalization;
using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// Residence addresses in the region. People born in the region often still live in their birth commune,
/// which gives the matcher the realistic correlation between birthplace and address.
/// </summary>
internal static class Addresses
{
    // ISO 3166-1 alpha-2: the host maps addresses to FHIR, whose address.country recommends ISO codes.
    private const string France = "FR";

    private const double StaysInBirthCommuneShare = 0.45;

    public static Place DrawCommune(SimRandom random, Place birthplace) =>
        Birthplaces.IsInRegion(birthplace) && random.Chance(StaysInBirthCommuneShare)
            ? birthplace
            : NameTables.RegionPlaces.Draw(random);

    public static PostalAddress Draw(SimRandom random, Place commune)
    {
        // Small numbers are far more common than large ones: most streets are short.
        var number = random.Chance(0.8) ? random.Next(1, 60) : random.Next(60, 400);
        var street = Street(number, random.Chance(0.04), NameTables.StreetKinds.Draw(random), NameTables.StreetNames.Draw(random));
        string[] lines = random.Next(100) switch
        {
            < 5 => ["Appartement " + random.Next(1, 60).ToString(CultureInfo.InvariantCulture), street],
            < 8 => ["Bâtiment " + (char)('A' + random.Next(6)), street],
            _ => [street],
        };
        return new PostalAddress(lines, commune.PostalCode, commune.Name, France);
    }

    /// <summary>"12 rue Jean Jaurès", "4 bis allée des Tilleuls", in one allocation.</summary>
    private static string Street(int number, bool bis, string kind, string name)
    {
        Span<char> buffer = stackalloc char[128];
        number.TryFormat(buffer, out var at, provider: CultureInfo.InvariantCulture);
        foreach (var part in (ReadOnlySpan<string>)[bis ? " bis " : " ", kind, " ", name])
        {
            part.CopyTo(buffer[at..]);
            at += part.Length;
        }

        return new string(buffer[..at]);
    }
}
