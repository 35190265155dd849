namespace Vigie.Core.Matching;

/// <summary>Normal forms of contact data for comparison: phone digits and lower-case email addresses.</summary>
public static class ContactNormalizer
{
    // Fewer digits than this is not a phone number anyone can be reached at: treated as absent.
    private const int MinPhoneDigits = 6;
    private const int MaxPhoneDigits = 24;

    /// <summary>
    /// Digits only; a French number in international form (+33…, 0033…, with or without the "(0)" trunk
    /// prefix) becomes national (0…); other international numbers become 00 + country code + number.
    /// Null when fewer than 6 digits remain. Returns the input instance when it is already normal.
    /// </summary>
    public static string? Phone(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        Span<char> digits = stackalloc char[MaxPhoneDigits];
        var count = 0;
        var plus = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < MaxPhoneDigits)
                {
                    digits[count++] = c;
                }
            }
            else if (c == '+' && count == 0)
            {
                plus = true;
            }
        }

        ReadOnlySpan<char> number = digits[..count];
        Span<char> output = stackalloc char[MaxPhoneDigits + 2];
        var length = 0;
        ReadOnlySpan<char> international = plus ? number : number.StartsWith("00") ? number[2..] : default;
        if (plus || number.StartsWith("00"))
        {
            if (international.StartsWith("33"))
            {
                var national = international[2..];
                if (!national.StartsWith("0"))
                {
                    output[length++] = '0';
                }

                national.CopyTo(output[length..]);
                length += national.Length;
            }
            else
            {
                output[length++] = '0';
                output[length++] = '0';
                international.CopyTo(output[length..]);
                length += international.Length;
            }
        }
        else
        {
            number.CopyTo(output);
            length = number.Length;
        }

        if (length < MinPhoneDigits)
        {
            return null;
        }

        var result = output[..length];
        return result.SequenceEqual(raw) ? raw : new string(result);
    }

    /// <summary>Trimmed and lower-cased (invariant culture); null when it has no '@'.</summary>
    public static string? Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal) ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The street lines of an address for comparison: accents removed, upper case, letters and digits only, one
    /// space between words ("12, Rue Jean-Jaurès" and "12 RUE JEAN JAURES" are the same line); null when empty.
    /// </summary>
    public static string? AddressLine(IReadOnlyList<string>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            foreach (var c in line ?? string.Empty)
            {
                // Letters are folded as INS names are (accents removed, ligatures expanded, upper case); the
                // invariant-globalisation build has no Unicode decomposition to do it.
                var kind = Identity.NameCharacters.Classify(c, out var first, out var second);
                if (char.IsAsciiDigit(c))
                {
                    builder.Append(c);
                }
                else if (kind == Identity.NameCharKind.Letter)
                {
                    builder.Append(first);
                    if (second != '\0')
                    {
                        builder.Append(second);
                    }
                }
                else if (kind != Identity.NameCharKind.Mark && builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }

            if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var text = builder.ToString().TrimEnd();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A postal code without spaces, upper case; null when empty.</summary>
    public static string? PostalCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return raw.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }
}
