namespace Vigie.Simulation.Identities;

/// <summary>
/// Turns a record's slot number into a 10-digit IPP by a keyed permutation of [0, 10^10): unique within an
/// establishment (a permutation cannot collide), unrelated across establishments (one key each), and giving a
/// matcher no hint that two records belong to the same person, which consecutive numbers would.
/// A 4-round Feistel network on 34 bits with cycle-walking back into the decimal range.
/// </summary>
internal static class IppScrambler
{
    public const ulong Range = 10_000_000_000UL;

    private const int HalfBits = 17;
    private const ulong HalfMask = (1UL << HalfBits) - 1;

    public static string Format(ulong slot, ulong key) =>
        Scramble(slot, key).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static ulong Scramble(ulong slot, ulong key)
    {
        if (slot >= Range)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), "an IPP slot is below 10^10");
        }

        var value = slot;
        do
        {
            value = Permute(value, key);
        }
        while (value >= Range);

        return value;
    }

    private static ulong Permute(ulong value, ulong key)
    {
        var left = value >> HalfBits;
        var right = value & HalfMask;
        for (var round = 0UL; round < 4; round++)
        {
            var mixed = SimRandom.Mix(right ^ (key + (round * 0x9E3779B97F4A7C15UL))) & HalfMask;
            (left, right) = (right, left ^ mixed);
        }

        return (left << HalfBits) | right;
    }
}
