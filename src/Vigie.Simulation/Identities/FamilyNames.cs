namespace Vigie.Simulation.Identities;

/// <summary>Draws family names: the frequent head, the composed long tail, and compound or double names.</summary>
internal static class FamilyNames
{
    // A third of people carry one of the frequent names, the rest spread over the long tail, which keeps
    // the largest surname block near 1-2 % of the region instead of a quarter of it.
    private const double HeadShare = 0.35;

    // Hyphenated family names inherited as such ("Martin-Dupont", "Saint-Martin" is in the table already).
    private const double HistoricCompoundShare = 0.012;

    // Since 2005 parents may give both names; about one child in ten gets them.
    private const double DoubleNameShareSince2005 = 0.10;

    public static NameEntry DrawSimple(SimRandom random) =>
        random.Chance(HeadShare) ? NameTables.SurnameHead.Draw(random) : NameTables.SurnameTailTable.Draw(random);

    /// <summary>A birth name, with the separator of its time for double names: "--" from 2005 to 2011, then a space.</summary>
    public static NameEntry DrawBirthName(SimRandom random, DateOnly birthDate)
    {
        var first = DrawSimple(random);
        if (birthDate.Year >= 2005 && random.Chance(DoubleNameShareSince2005))
        {
            return Join(first, DrawOther(random, first), birthDate.Year < 2012 ? "--" : " ");
        }

        return random.Chance(HistoricCompoundShare) ? Join(first, DrawOther(random, first), "-") : first;
    }

    /// <summary>A used name for a married person: the spouse's name, or now and then both joined by a hyphen.</summary>
    public static NameEntry DrawUsedName(SimRandom random, NameEntry birthName)
    {
        var spouse = DrawOther(random, birthName);
        return random.Chance(0.1) ? Join(spouse, birthName, "-") : spouse;
    }

    private static NameEntry DrawOther(SimRandom random, NameEntry notThis)
    {
        var other = DrawSimple(random);
        while (ReferenceEquals(other, notThis) || other.Normalized == notThis.Normalized)
        {
            other = DrawSimple(random);
        }

        return other;
    }

    private static NameEntry Join(NameEntry first, NameEntry second, string separator) =>
        new(first.Display + separator + second.Display, first.Normalized + separator + second.Normalized);
}
