namespace Vigie.Core.Detection;

/// <summary>
/// 64-bit keys the engine uses for patients and browser families: FNV-1a then the SplitMix64 finaliser, the same on
/// every process (so replays are reproducible), and wide enough that two patients never share one in practice.
/// </summary>
internal static class DetectionHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return Mix(hash);
    }

    /// <summary>
    /// A browser family: the user agent without its digits, so that a version update is not a new browser while
    /// another browser, operating system or a script's user agent is.
    /// </summary>
    public static ulong UserAgentFamily(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return 0;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in userAgent)
        {
            if (!char.IsAsciiDigit(c))
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }
        }

        return Mix(hash) | 1;
    }

    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
