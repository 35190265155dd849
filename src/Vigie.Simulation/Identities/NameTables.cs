using Vigie.Core.Identity;
using Vigie.Simulation.Identities.Data;

namespace Vigie.Simulation.Identities;

/// <summary>
/// The data tables turned, once per process, into weighted tables of ready-made <see cref="NameEntry"/> and
/// <see cref="Place"/> values: normalising at start-up instead of per record is most of what makes a million
/// records cheap.
/// </summary>
internal static class NameTables
{
    /// <summary>First years of the given-name periods after the first (before 1945, 1945-1959, ...).</summary>
    private static readonly int[] EraStarts = [1945, 1960, 1975, 1990, 2005];

    public static readonly WeightedTable<NameEntry> SurnameHead = Entries(Surnames.Head);

    public static readonly WeightedTable<NameEntry> SurnameTailTable = BuildTail();

    public static readonly WeightedTable<NameEntry>[] FemaleByEra = [.. FemaleGivenNames.ByEra.Select(Entries)];

    public static readonly WeightedTable<NameEntry>[] MaleByEra = [.. MaleGivenNames.ByEra.Select(Entries)];

    public static readonly WeightedTable<NameEntry> FemaleFurther = Entries(FemaleGivenNames.Further);

    public static readonly WeightedTable<NameEntry> MaleFurther = Entries(MaleGivenNames.Further);

    /// <summary>Every place, each with its <see cref="Place.Ordinal"/>; the tables below hold these same instances.</summary>
    public static readonly Place[] AllPlaces =
        [.. RegionCommunes.All.Concat(OtherCommunes.Mainland).Concat(OtherCommunes.Corsica).Concat(Countries.All).Select((p, i) => p with { Ordinal = i })];

    public static readonly WeightedTable<Place> RegionPlaces = Places(0, RegionCommunes.All.Length);

    public static readonly WeightedTable<Place> MainlandPlaces = Places(RegionCommunes.All.Length, OtherCommunes.Mainland.Length);

    public static readonly WeightedTable<Place> CorsicanPlaces = Places(RegionCommunes.All.Length + OtherCommunes.Mainland.Length, OtherCommunes.Corsica.Length);

    public static readonly WeightedTable<Place> CountryPlaces = Places(AllPlaces.Length - Countries.All.Length, Countries.All.Length);

    public static readonly WeightedTable<string> StreetKinds = new(Streets.Kinds);

    public static readonly WeightedTable<string> StreetNames = new(Streets.Names);

    public static readonly WeightedTable<string> EmailDomains = new(EmailProviders.All);

    public static readonly WeightedTable<int> AgeBands = new([.. AgePyramid.BandWeights.Select((w, band) => (band, w))]);

    public static int EraOf(int birthYear)
    {
        var era = 0;
        while (era < EraStarts.Length && birthYear >= EraStarts[era])
        {
            era++;
        }

        return era;
    }

    public static WeightedTable<NameEntry> FirstGivenNames(Sex sex, int birthYear) =>
        sex == Sex.Female ? FemaleByEra[EraOf(birthYear)] : MaleByEra[EraOf(birthYear)];

    public static WeightedTable<NameEntry> FurtherGivenNames(Sex sex) => sex == Sex.Female ? FemaleFurther : MaleFurther;

    private static WeightedTable<NameEntry> Entries((string Name, int Weight)[] names) =>
        new([.. names.Select(n => (NameEntry.Of(n.Name), n.Weight))]);

    private static WeightedTable<Place> Places(int start, int count) =>
        new([.. AllPlaces.Skip(start).Take(count).Select(p => (p, p.Weight))]);

    private static WeightedTable<NameEntry> BuildTail()
    {
        var entries = new List<(NameEntry, int)>(SurnameTail.Starts.Length * SurnameTail.Endings.Length);
        foreach (var (start, startWeight) in SurnameTail.Starts)
        {
            foreach (var (ending, endingWeight) in SurnameTail.Endings)
            {
                entries.Add((NameEntry.Of(start + ending), startWeight * endingWeight));
            }
        }

        return new WeightedTable<NameEntry>(entries);
    }
}
