namespace Vigie.Core.Notices;

/// <summary>Small checks on text that a notice prints.</summary>
internal static class NoticeText
{
    public static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some word looks like a web address: a scheme, "www.", or a dotted host followed by a path.</summary>
    public static bool ContainsWebAddress(string value)
    {
        foreach (var word in value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var slash = word.IndexOf('/', StringComparison.Ordinal);
            var dot = word.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && (slash > dot || IsDottedHost(word.TrimEnd('.', ',', ';', ':', ')', '»'))))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPlausibleEmail(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 254 || HasControl(value) || value.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ',' or ';'))
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        return at > 0 && at == value.IndexOf('@', StringComparison.Ordinal) && at < value.Length - 3
            && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.');
    }

    // "exemple.fr", "a.b.example" — but not "M." or "1.5" or "St.-Denis": letters on both sides of the last dot,
    // a top-level label of 2 to 24 ASCII letters.
    private static bool IsDottedHost(string word)
    {
        var last = word.LastIndexOf('.');
        if (last <= 0 || last == word.Length - 1)
        {
            return false;
        }

        var tld = word.AsSpan(last + 1);
        if (tld.Length is < 2 or > 24)
        {
            return false;
        }

        foreach (var c in tld)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        foreach (var c in word.AsSpan(0, last))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
