using System.Globalization;

namespace Vigie.Core.Identity;

/// <summary>
/// Normalises names to the form of the INS traits (see docs/decisions/0002-ins-name-normalisation.md):
/// <list type="number">
/// <item>letters are upper-cased, without culture (no Turkish-i surprises);</item>
/// <item>diacritics are removed (NFD, then non-spacing marks dropped): É -> E, Ç -> C, Ñ -> N, Ü -> U;</item>
/// <item>ligatures are expanded: Œ -> OE, Æ -> AE, ß -> SS, Ĳ -> IJ; Ø, Ł, Đ, ı become O, L, D, I;</item>
/// <item>typographic apostrophes (’ ‘ ʼ ´ `) become ', dashes (‐ ‑ ‒ – — −) become -, any Unicode space becomes a space;</item>
/// <item>separators (spaces, hyphens, apostrophes) before the first and after the last letter are trimmed;</item>
/// <item>between two letters, a run of separators becomes one: spaces only -> one space; one hyphen -> "-"
/// and one apostrophe -> "'" with the spaces around them removed ("JEAN - PIERRE" -> "JEAN-PIERRE",
/// "D ' ARC" -> "D'ARC");</item>
/// <item>two hyphens -> "--", the separator of a double family name (2005-2011), kept in family names and refused in
/// given names; three or more hyphens, two apostrophes, or a hyphen with an apostrophe are refused as ambiguous;</item>
/// <item>in given names only, a comma separates two given names and becomes a space;</item>
/// <item>any other character (digits, punctuation, control characters, emoji, other scripts) is refused;</item>
/// <item>a name without letters is refused, and so is a name longer than <see cref="MaxLength"/> once normalised.</item>
/// </list>
/// Refusal messages never quote the input: they are shown to clients and may be logged.
/// </summary>
/// <remarks>
/// One pass over the input into a stack buffer, no regular expression; the only allocation is the result,
/// and none at all when the input is already normalised (the input string is returned).
/// </remarks>
public static class NameNormalizer
{
    /// <summary>The longest name accepted, counted after normalisation.</summary>
    public const int MaxLength = 100;

    private enum Field
    {
        FamilyName,
        GivenNames,
        FirstGivenName,
    }

    /// <summary>Normalises a birth or used name under the INS rules; fails on characters the rules do not allow.</summary>
    public static ParseResult<string> Normalize(string? raw) => Run(raw, Field.FamilyName);

    /// <summary>Normalises a list of given names (space-separated on the wire) under the INS rules.</summary>
    public static ParseResult<string> NormalizeGivenNames(string? raw) => Run(raw, Field.GivenNames);

    /// <summary>
    /// Normalises the first given name alone. It may contain a space: compound given names were written with a
    /// space before 1999, so "ANNE SOPHIE" can be one given name. A comma (a list separator) is refused.
    /// </summary>
    public static ParseResult<string> NormalizeFirstGivenName(string? raw) => Run(raw, Field.FirstGivenName);

    /// <summary>
    /// The default first given name of a normalised list of given names: the text before the first space,
    /// as the INS guide derives it from the INSi list. A compound given name written with a space must be
    /// corrected by a person, which is why the first given name is stored as its own trait.
    /// </summary>
    public static string FirstGivenNameOf(string normalizedGivenNames)
    {
        ArgumentNullException.ThrowIfNull(normalizedGivenNames);
        var space = normalizedGivenNames.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? normalizedGivenNames : normalizedGivenNames[..space];
    }

    private static ParseResult<string> Run(string? raw, Field field)
    {
        if (raw is null)
        {
            return Fail(field, " is missing", " are missing");
        }

        Span<char> output = stackalloc char[MaxLength];
        var length = 0;

        // The separators seen since the last letter; resolved into one separator when the next letter comes,
        // and dropped when none comes (trimming).
        var separatorPending = false;
        var hyphens = 0;
        var apostrophes = 0;
        var commas = 0;

        for (var i = 0; i < raw.Length; i++)
        {
            switch (NameCharacters.Classify(raw[i], out var first, out var second))
            {
                case NameCharKind.Letter:
                    break;
                case NameCharKind.Space:
                    separatorPending = true;
                    continue;
                case NameCharKind.Hyphen:
                    separatorPending = true;
                    hyphens++;
                    continue;
                case NameCharKind.Apostrophe:
                    separatorPending = true;
                    apostrophes++;
                    continue;
                case NameCharKind.Comma when field == Field.GivenNames:
                    separatorPending = true;
                    commas++;
                    continue;
                case NameCharKind.Mark:
                    continue;
                default:
                    var invalid = InvalidCharacter(field, i);
                    return Fail(field, invalid, invalid);
            }

            if (separatorPending && length > 0)
            {
                var separator = ResolveSeparator(field, hyphens, apostrophes, commas, out var error);
                if (error is not null)
                {
                    return Fail(field, error, error.Replace(" contains ", " contain ", StringComparison.Ordinal));
                }

                if (!TryAppend(output, ref length, separator))
                {
                    return Fail(field, TooLong(" is"), TooLong(" are"));
                }
            }

            separatorPending = false;
            hyphens = apostrophes = commas = 0;
            if (!TryAppend(output, ref length, first) || (second != '\0' && !TryAppend(output, ref length, second)))
            {
                return Fail(field, TooLong(" is"), TooLong(" are"));
            }
        }

        if (length == 0)
        {
            return Fail(field, " contains no letter", " contain no letter");
        }

        var normalized = output[..length];
        return ParseResult<string>.Ok(normalized.SequenceEqual(raw) ? raw : new string(normalized));
    }

    /// <summary>The separator written between two letters for the separators seen between them.</summary>
    private static ReadOnlySpan<char> ResolveSeparator(Field field, int hyphens, int apostrophes, int commas, out string? error)
    {
        error = null;
        return (hyphens, apostrophes, commas) switch
        {
            (0, 0, _) => " ",
            (1, 0, 0) => "-",
            (0, 1, 0) => "'",
            (2, 0, 0) when field == Field.FamilyName => "--",
            (2, 0, 0) => Refuse(out error, ": a double hyphen only separates the two parts of a double family name"),
            (_, _, > 0) => Refuse(out error, ": a comma cannot stand next to a hyphen or an apostrophe"),
            _ => Refuse(out error, " contains a run of hyphens or apostrophes that cannot be read unambiguously"),
        };
    }

    private static ReadOnlySpan<char> Refuse(out string? error, string message)
    {
        error = message;
        return default;
    }

    private static bool TryAppend(Span<char> output, ref int length, ReadOnlySpan<char> text)
    {
        if (length + text.Length > output.Length)
        {
            return false;
        }

        text.CopyTo(output[length..]);
        length += text.Length;
        return true;
    }

    private static bool TryAppend(Span<char> output, ref int length, char c)
    {
        if (length == output.Length)
        {
            return false;
        }

        output[length++] = c;
        return true;
    }

    private static string TooLong(string verb) =>
        verb + " longer than " + MaxLength.ToString(CultureInfo.InvariantCulture) + " characters once normalised";

    private static string InvalidCharacter(Field field, int index) =>
        (field == Field.GivenNames ? " may contain only letters, spaces, hyphens, apostrophes and commas" : " may contain only letters, spaces, hyphens and apostrophes")
        + " (character " + (index + 1).ToString(CultureInfo.InvariantCulture) + " is not allowed)";

    /// <summary>A refusal naming the field, never the value: <paramref name="plural"/> follows "the given names".</summary>
    private static ParseResult<string> Fail(Field field, string singular, string plural) => ParseResult<string>.Fail(field switch
    {
        Field.GivenNames => "the given names" + plural,
        Field.FirstGivenName => "the first given name" + singular,
        _ => "the name" + singular,
    });
}
