namespace Vigie.Core.Notices;

/// <summary>
/// The check character of a verification reference: a weighted sum over GF(32) (polynomial x⁵ + x² + 1) where
/// position i weighs αⁱ⁺¹. The weights are distinct and non-zero (α has order 31 and a reference has 17
/// positions), so every single wrong character and every swap of two different characters changes the sum:
/// both are refused without a database lookup. Crockford's own mod-37 check needs five extra symbols
/// (*~$=U) that are awkward on a phone keypad; this one stays inside the 32-symbol alphabet.
/// </summary>
internal static class ReferenceChecksum
{
    private const int Polynomial = 0b100101;
    private static readonly byte[] Exp = BuildExp();
    private static readonly byte[] Log = BuildLog();

    /// <summary>The check symbol value that makes the weighted sum of <paramref name="data"/> and itself zero.</summary>
    public static int CheckFor(ReadOnlySpan<byte> data)
    {
        var sum = WeightedSum(data);

        // Σ wᵢdᵢ + w_n·c = 0 in characteristic 2 means c = (Σ wᵢdᵢ) / w_n.
        return Divide(sum, Weight(data.Length));
    }

    /// <summary>True when the weighted sum over every symbol, the check symbol last, is zero.</summary>
    public static bool IsValid(ReadOnlySpan<byte> symbols) => WeightedSum(symbols) == 0;

    private static int WeightedSum(ReadOnlySpan<byte> symbols)
    {
        var sum = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            sum ^= Multiply(symbols[i], Weight(i));
        }

        return sum;
    }

    private static int Weight(int position) => Exp[(position + 1) % 31];

    private static int Multiply(int a, int b) => a == 0 || b == 0 ? 0 : Exp[(Log[a] + Log[b]) % 31];

    private static int Divide(int a, int b) => a == 0 ? 0 : Exp[(Log[a] - Log[b] + 31) % 31];

    private static byte[] BuildExp()
    {
        var exp = new byte[31];
        var x = 1;
        for (var i = 0; i < 31; i++)
        {
            exp[i] = (byte)x;
            x <<= 1;
            if ((x & 0b100000) != 0)
            {
                x ^= Polynomial;
            }
        }

        return exp;
    }

    private static byte[] BuildLog()
    {
        var log = new byte[32];
        var exp = BuildExp();
        for (var i = 0; i < 31; i++)
        {
            log[exp[i]] = (byte)i;
        }

        return log;
    }
}
