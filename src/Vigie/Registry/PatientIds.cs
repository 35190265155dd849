using System.Security.Cryptography;
using Vigie.Core.Identity;

namespace Vigie.Registry;

/// <summary>
/// New regional ids. Random, not sequential: an id must reveal nothing about registration order or volume
/// and must not be guessable by walking a range. A seeded generator is used for reproducible demos and benchmarks.
/// </summary>
internal static class PatientIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static PatientId NewRandom()
    {
        Span<byte> bytes = stackalloc byte[15];
        RandomNumberGenerator.Fill(bytes);
        return From(bytes);
    }

    public static Func<PatientId> Seeded(int seed)
    {
        var random = new Random(seed);
        return () =>
        {
            Span<byte> bytes = stackalloc byte[15];
            random.NextBytes(bytes);
            return From(bytes);
        };
    }

    /// <summary>120 bits as 24 base32 characters: the prefix "p-" keeps ids recognisable in logs and URLs.</summary>
    private static PatientId From(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[26];
        chars[0] = 'p';
        chars[1] = '-';
        for (var i = 0; i < 24; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - (bit % 8)) & 31;
            chars[i + 2] = Alphabet[value];
        }

        return new PatientId(new string(chars));
    }
}
