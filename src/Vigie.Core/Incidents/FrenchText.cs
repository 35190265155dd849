using System.Globalization;
using System.Text;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>
/// French wording for declarations and reports. Written by hand rather than through a "fr-FR" culture: the
/// process runs with invariant globalization, and a declaration must read the same on every machine.
/// </summary>
public static class FrenchText
{
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>An integer with French digit grouping (no-break spaces): 12 345.</summary>
    public static string Number(long value)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                text.Append('\u00A0');
            }

            text.Append(digits[i]);
        }

        return (value < 0 ? "-" : "") + text;
    }

    /// <summary>"5 mars 2026 à 10 h 07" in the given zone.</summary>
    public static string DateTime(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year} à {local.Hour} h {local.Minute:00}");
    }

    /// <summary>"5 mars 2026" in the given zone.</summary>
    public static string Date(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year}");
    }

    /// <summary>"2 j 5 h 14 min", "23 h 05 min", "14 min"; rounded down to the minute.</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Floor(Math.Abs(span.TotalMinutes));
        var (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        return days > 0 ? string.Create(CultureInfo.InvariantCulture, $"{days} j {hours} h {mins:00} min")
            : hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours} h {mins:00} min")
            : string.Create(CultureInfo.InvariantCulture, $"{mins} min");
    }

    /// <summary>The zone's name as a reader expects it ("heure de Paris" for Europe/Paris).</summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Id switch
        {
            "Europe/Paris" => "heure de Paris",
            "UTC" or "Etc/UTC" => "UTC",
            _ => "heure locale " + zone.Id,
        };
    }

    /// <summary>The label of one data category.</summary>
    public static string Category(DisclosedData category) => category switch
    {
        DisclosedData.Identity => "Identité (noms, prénoms, date et lieu de naissance, sexe, matricule INS)",
        DisclosedData.Phone => "Numéro de téléphone",
        DisclosedData.Email => "Adresse électronique",
        DisclosedData.Address => "Adresse postale",
        _ => throw new ArgumentOutOfRangeException(nameof(category), "one category at a time"),
    };

    /// <summary>The short name of one category, as CSV and JSON use it: identite, telephone, courriel, adresse.</summary>
    public static string CategoryCode(DisclosedData category) => category switch
    {
        DisclosedData.Identity => "identite",
        DisclosedData.Phone => "telephone",
        DisclosedData.Email => "courriel",
        DisclosedData.Address => "adresse",
        _ => throw new ArgumentOutOfRangeException(nameof(category), "one category at a time"),
    };

    /// <summary>The codes of a set of categories, in declaration order, joined with '+': "identite+telephone".</summary>
    public static string CategoryCodes(DisclosedData categories) =>
        string.Join('+', ScopeBuilder.CategoryOrder.Where(c => categories.HasFlag(c)).Select(CategoryCode));

    /// <summary>"1 personne" / "2 personnes".</summary>
    public static string Plural(long count, string singular, string plural) => Number(count) + " " + (count is 0 or 1 ? singular : plural);
}
