using System.Buffers;

namespace Vigie.Core.Matching;

/// <summary>
/// Jaro–Winkler string similarity (Winkler 1990), with the usual prefix scale 0.1 over at most four
/// leading characters and no boost threshold. Ordinal: characters are compared as they are.
/// </summary>
public static class JaroWinkler
{
    /// <summary>Weight given to each common leading character.</summary>
    public const double PrefixScale = 0.1;

    /// <summary>How many common leading characters count at most.</summary>
    public const int MaxPrefix = 4;

    // Match flags live on the stack up to this length; longer inputs rent from the shared pool.
    private const int StackLimit = 256;

    // Symbols of the INS alphabet for the bit-parallel path: A-Z, space, hyphen, apostrophe.
    private const int AlphabetSize = 29;

    /// <summary>
    /// The similarity in [0, 1]: 1 for equal strings (two empty strings included), 0 when one is empty
    /// or nothing matches. Symmetric by construction. Allocation-free.
    /// </summary>
    public static double Similarity(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => Similarity(first, second, bitParallel: true);

    /// <summary>The similarity, optionally without the bit-parallel path (tests compare the two).</summary>
    internal static double Similarity(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool bitParallel)
    {
        if (first.SequenceEqual(second))
        {
            return 1.0;
        }

        if (first.IsEmpty || second.IsEmpty)
        {
            return 0.0;
        }

        // Greedy matching depends on which side drives it; a fixed order makes the result symmetric.
        if (first.Length > second.Length || (first.Length == second.Length && first.SequenceCompareTo(second) > 0))
        {
            var swap = first;
            first = second;
            second = swap;
        }

        var jaroFast = bitParallel && second.Length <= 64 ? BitParallelJaro(first, second) : -1.0;
        if (jaroFast >= 0)
        {
            return WithPrefix(first, second, jaroFast);
        }

        var total = first.Length + second.Length;
        byte[]? rented = null;
        var flags = total <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(total));
        flags = flags[..total];
        flags.Clear();
        try
        {
            return WithPrefix(first, second, Jaro(first, second, flags[..first.Length], flags[first.Length..]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static double WithPrefix(ReadOnlySpan<char> first, ReadOnlySpan<char> second, double jaro)
    {
        if (jaro == 0.0)
        {
            return 0.0;
        }

        var prefix = 0;
        var limit = Math.Min(MaxPrefix, first.Length);
        while (prefix < limit && first[prefix] == second[prefix])
        {
            prefix++;
        }

        return Math.Min(1.0, jaro + (prefix * PrefixScale * (1.0 - jaro)));
    }

    // The same greedy matching as Jaro below, with the positions of each letter of the longer string held
    // in a 64-bit mask: the first unmatched position in the window is the lowest bit of one AND. Works on
    // the INS alphabet (A-Z, space, hyphen, apostrophe) up to 64 characters; returns -1 otherwise.
    private static double BitParallelJaro(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        Span<ulong> positions = stackalloc ulong[AlphabetSize];
        positions.Clear();
        for (var j = 0; j < second.Length; j++)
        {
            var symbol = Symbol(second[j]);
            if (symbol < 0)
            {
                return -1.0;
            }

            positions[symbol] |= 1UL << j;
        }

        var window = Math.Max(0, (second.Length / 2) - 1);
        ulong matchedFirst = 0;
        ulong matchedSecond = 0;
        var matches = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var symbol = Symbol(first[i]);
            if (symbol < 0)
            {
                return -1.0;
            }

            var from = Math.Max(0, i - window);
            var to = Math.Min(second.Length - 1, i + window);
            if (from > to)
            {
                continue;
            }

            var width = to - from + 1;
            var inWindow = (width == 64 ? ulong.MaxValue : (1UL << width) - 1) << from;
            var candidates = positions[symbol] & ~matchedSecond & inWindow;
            if (candidates != 0)
            {
                matchedSecond |= candidates & (0 - candidates);
                matchedFirst |= 1UL << i;
                matches++;
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var outOfOrder = 0;
        while (matchedFirst != 0)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(matchedFirst);
            var j = System.Numerics.BitOperations.TrailingZeroCount(matchedSecond);
            if (first[i] != second[j])
            {
                outOfOrder++;
            }

            matchedFirst &= matchedFirst - 1;
            matchedSecond &= matchedSecond - 1;
        }

        double m = matches;
        return ((m / first.Length) + (m / second.Length) + ((m - (outOfOrder / 2.0)) / m)) / 3.0;
    }

    private static int Symbol(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        ' ' => 26,
        '-' => 27,
        '\'' => 28,
        _ => -1,
    };

    private static double Jaro(ReadOnlySpan<char> first, ReadOnlySpan<char> second, Span<byte> firstMatched, Span<byte> secondMatched)
    {
        var window = Math.Max(0, (Math.Max(first.Length, second.Length) / 2) - 1);
        var matches = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(second.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (secondMatched[j] == 0 && first[i] == second[j])
                {
                    firstMatched[i] = 1;
                    secondMatched[j] = 1;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        // Half the number of matched characters that appear in a different order.
        var outOfOrder = 0;
        var k = 0;
        for (var i = 0; i < first.Length; i++)
        {
            if (firstMatched[i] == 0)
            {
                continue;
            }

            while (secondMatched[k] == 0)
            {
                k++;
            }

            if (first[i] != second[k])
            {
                outOfOrder++;
            }

            k++;
        }

        double m = matches;
        return ((m / first.Length) + (m / second.Length) + ((m - (outOfOrder / 2.0)) / m)) / 3.0;
    }
}
