using System.Text;

namespace Vigie.Simulation.Identities;

/// <summary>
/// The spelling variants that are not typos but separator habits: particles glued or split ("Le Gall",
/// "Legall"), apostrophes dropped ("D'Hondt", "Dhondt"), the 2005-2011 double hyphen simplified, compound
/// given names split or cut ("Jean-Pierre", "Jean Pierre", "Jean").
/// </summary>
internal static class NameVariants
{
    /// <summary>The birth name with its separators written another way, or null when it has none.</summary>
    public static NameEntry? OfFamilyName(NameEntry name, SimRandom random)
    {
        var display = name.Display;
        string? variant;
        if (display.Contains("--", StringComparison.Ordinal))
        {
            variant = display.Replace("--", random.Chance(0.5) ? "-" : " ", StringComparison.Ordinal);
        }
        else if (display.Contains(' ', StringComparison.Ordinal))
        {
            variant = random.Chance(0.6) ? Glue(display, ' ') : display.Replace(' ', '-');
        }
        else if (display.Contains('\'', StringComparison.Ordinal))
        {
            variant = random.Chance(0.5) ? Glue(display, '\'') : display.Replace('\'', ' ');
        }
        else if (display.Contains('-', StringComparison.Ordinal))
        {
            variant = random.Chance(0.6) ? display.Replace('-', ' ') : Glue(display, '-');
        }
        else
        {
            return null;
        }

        return NameEntry.Of(variant);
    }

    /// <summary>A compound first given name written with a space, glued, or cut to its first part; null for a simple one.</summary>
    public static NameEntry? OfFirstGivenName(NameEntry name, SimRandom random)
    {
        if (!name.IsCompound)
        {
            return null;
        }

        var u = random.NextDouble();
        var display = name.Display;
        return NameEntry.Of(u switch
        {
            < 0.60 => display.Replace('-', ' '),
            < 0.85 => display[..display.IndexOf('-', StringComparison.Ordinal)],
            _ => Glue(display, '-'),
        });
    }

    /// <summary>Removes a separator and lower-cases the letter that followed it, as a person typing it glued would.</summary>
    private static string Glue(string display, char separator)
    {
        var builder = new StringBuilder(display.Length);
        var lowerNext = false;
        foreach (var c in display)
        {
            if (c == separator)
            {
                lowerNext = builder.Length > 0;
                continue;
            }

            builder.Append(lowerNext ? char.ToLowerInvariant(c) : c);
            lowerNext = false;
        }

        return builder.ToString();
    }
}
