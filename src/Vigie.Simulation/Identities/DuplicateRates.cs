namespace Vigie.Simulation.Identities;

/// <summary>
/// How often each corruption is applied to a duplicate record, independently. Chosen to resemble what
/// identitovigilance cells report (typos and missing given names dominate, date slips are rarer) while
/// giving every corruption enough occurrences in a few thousand records to be measured.
/// </summary>
internal static class DuplicateRates
{
    public const double BirthNameTypo = 0.18;
    public const double FirstGivenNameTypo = 0.10;

    /// <summary>Tried on every duplicate; applies only when the day is 12 or less and differs from the month (about 37 %).</summary>
    public const double DayMonthSwap = 0.08;
    public const double DateDigit = 0.04;

    /// <summary>For persons with a used name: the used name as birth name, and the two names swapped.</summary>
    public const double UsedNameAsBirthName = 0.30;
    public const double NamesSwapped = 0.08;

    /// <summary>For birth names with a space, hyphen or apostrophe.</summary>
    public const double SeparatorVariant = 0.35;

    /// <summary>For compound first given names.</summary>
    public const double FirstGivenNameVariant = 0.50;

    /// <summary>For persons with more than one given name.</summary>
    public const double UsualGivenNameAsFirst = 0.04;

    public const double GivenNamesMissing = 0.35;
    public const double BirthplaceMissing = 0.12;
    public const double PhoneMissing = 0.20;
    public const double EmailMissing = 0.35;
    public const double AddressMissing = 0.08;

    /// <summary>
    /// A duplicate made after the person moved carries the new address. About one French resident in ten moves
    /// each year (INSEE), and a duplicate is often made years after the first record.
    /// </summary>
    public const double AddressChanged = 0.12;

    /// <summary>A duplicate is made in the same establishment as the reference record this often (a local duplicate).</summary>
    public const double SameEstablishment = 0.10;

    /// <summary>An uncorrupted duplicate of a qualified person is itself qualified (same INS) this often.</summary>
    public const double CleanDuplicateQualified = 0.6;
}
