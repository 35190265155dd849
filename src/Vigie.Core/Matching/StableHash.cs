namespace Vigie.Core.Matching;

/// <summary>
/// Hashes that give the same value on every process and machine (unlike string.GetHashCode), so blocking
/// keys can be stored or compared across runs: FNV-1a over UTF-16 code units for text, and the SplitMix64
/// finaliser to combine 64-bit words under a tag that keeps key families apart.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a, one step per UTF-16 code unit.</summary>
    public static ulong OfText(ReadOnlySpan<char> text)
    {
        var hash = FnvOffsetBasis;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * FnvPrime);
        }

        return hash;
    }

    /// <summary>A key of family <paramref name="tag"/> over two words.</summary>
    public static long Combine(byte tag, ulong a, ulong b) =>
        unchecked((long)Mix(Mix(Mix(Seed ^ tag) ^ a) ^ b));

    /// <summary>A key of family <paramref name="tag"/> over three words.</summary>
    public static long Combine(byte tag, ulong a, ulong b, ulong c) =>
        unchecked((long)Mix(Mix(Mix(Mix(Seed ^ tag) ^ a) ^ b) ^ c));

    // SplitMix64's finaliser: a bijection on 64-bit words with full avalanche.
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
