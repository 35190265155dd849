namespace Vigie.Simulation.Identities;

/// <summary>
/// Draws birthplaces: about 80 % in the region, 11.5 % elsewhere in mainland France and overseas, 0.5 % in
/// Corsica (whose 2A/2B codes change the INS key), 8 % abroad (99xxx).
/// </summary>
internal static class Birthplaces
{
    private const double RegionShare = 0.80;
    private const double AbroadShare = 0.08;
    private const double CorsicaShare = 0.005;

    public static Place Draw(SimRandom random)
    {
        var u = random.NextDouble();
        if (u < RegionShare)
        {
            return NameTables.RegionPlaces.Draw(random);
        }

        if (u < RegionShare + AbroadShare)
        {
            return NameTables.CountryPlaces.Draw(random);
        }

        return u < RegionShare + AbroadShare + CorsicaShare
            ? NameTables.CorsicanPlaces.Draw(random)
            : NameTables.MainlandPlaces.Draw(random);
    }

    public static bool IsInRegion(Place place) => place.Department is "59" or "62" or "80" or "02" or "60";
}
