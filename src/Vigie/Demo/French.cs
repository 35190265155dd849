using System.Globalization;

namespace Vigie.Demo;

/// <summary>
/// French number and date text for the demo console. The process runs in invariant-globalization mode (no ICU on
/// the servers), so fr-FR is not available: the few formats the console needs are built here.
/// </summary>
internal static class French
{
    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
    private static readonly string[] Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>Invariant culture with French separators: 12 345,6.</summary>
    public static CultureInfo Culture { get; } = Create();

    public static string Date(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{Days[(int)day.DayOfWeek]} {day.Day} {Months[day.Month - 1]} {day.Year}");

    private static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "\u202F";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = "\u202F";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        return culture;
    }
}
