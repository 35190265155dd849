using System.Globalization;

namespace Vigie.Core.Notices;

/// <summary>
/// Dates written the French way ("1er septembre 2025"). Spelled out here because the process runs with invariant
/// globalization: there is no fr-FR culture data to ask.
/// </summary>
public static class FrenchDates
{
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>"1er septembre 2025", "23 novembre 2026".</summary>
    public static string Long(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}");

    /// <summary>"01/09/2025": for SMS, where every character counts.</summary>
    public static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
