using System.Security.Cryptography;

namespace Vigie.Core.Tests.Journal;

/// <summary>
/// RFC 9162, 2.1 written as literally as possible (recursion over byte arrays, no shared code with Core), so that
/// known answers come from the definition and not from the implementation under test.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] Mth(IReadOnlyList<byte[]> d) => Mth(d, 0, d.Count);

    // MTH(D[n]): SHA-256() for n = 0, SHA-256(0x00 || d0) for n = 1, else SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])).
    public static byte[] Mth(IReadOnlyList<byte[]> d, int start, int end)
    {
        var n = end - start;
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return SHA256.HashData([0x00, .. d[start]]);
        }

        var k = LargestPowerOfTwoBelow(n);
        return SHA256.HashData([0x01, .. Mth(d, start, start + k), .. Mth(d, start + k, end)]);
    }

    // PATH(m, D[n]).
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d, int start, int end)
    {
        var n = end - start;
        if (n == 1)
        {
            return [];
        }

        var k = LargestPowerOfTwoBelow(n);
        return m < k
            ? [.. Path(m, d, start, start + k), Mth(d, start + k, end)]
            : [.. Path(m - k, d, start + k, end), Mth(d, start, start + k)];
    }

    // PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => SubProof(m, d, 0, d.Count, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> d, int start, int end, bool b)
    {
        var n = end - start;
        if (m == n)
        {
            return b ? [] : [Mth(d, start, end)];
        }

        var k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. SubProof(m, d, start, start + k, b), Mth(d, start + k, end)]
            : [.. SubProof(m - k, d, start + k, end, false), Mth(d, start, start + k)];
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
