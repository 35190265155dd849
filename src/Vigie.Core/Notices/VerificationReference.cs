using System.Security.Cryptography;

namespace Vigie.Core.Notices;

/// <summary>
/// The reference printed in every notice, which the person types on the public portal to check that a message is
/// genuine. 80 random bits in Crockford base32 (16 symbols, no I, L, O or U) plus one check symbol, shown in groups:
/// <c>7KQ2-M9XD-4HT1-BR6WZ</c>. Parsing forgives case, spaces and hyphens, reads O as 0 and I or L as 1, and refuses
/// any single typo or swapped pair through the check symbol, so a malformed reference never reaches the database.
/// </summary>
public readonly record struct VerificationReference
{
    /// <summary>Random bytes in a reference (80 bits: unguessable at any rate a portal allows).</summary>
    public const int EntropyBytes = 10;

    /// <summary>Symbols in the canonical form: 16 data symbols and the check symbol.</summary>
    public const int Length = 17;

    /// <summary>Longest typed text considered at all; anything longer is refused before normalising.</summary>
    public const int MaxInputLength = 64;

    /// <summary>Bytes of the keyed lookup hash (128 bits).</summary>
    public const int LookupHashBytes = 16;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int DataSymbols = 16;

    private VerificationReference(string canonical) => Canonical = canonical;

    /// <summary>The 17 symbols without separators, upper case: what is hashed and compared.</summary>
    public string Canonical { get; }

    /// <summary>A new reference from <paramref name="randomBytes"/>, which fills a buffer (a CSPRNG in production, seeded in tests).</summary>
    public static VerificationReference Generate(Action<Span<byte>> randomBytes)
    {
        ArgumentNullException.ThrowIfNull(randomBytes);
        Span<byte> entropy = stackalloc byte[EntropyBytes];
        randomBytes(entropy);
        return FromEntropy(entropy);
    }

    /// <summary>The reference whose data symbols are exactly <paramref name="entropy"/> (10 bytes, 80 bits).</summary>
    public static VerificationReference FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length != EntropyBytes)
        {
            throw new ArgumentException($"a reference takes exactly {EntropyBytes} random bytes", nameof(entropy));
        }

        Span<byte> symbols = stackalloc byte[Length];
        for (var i = 0; i < DataSymbols; i++)
        {
            // Symbol i is bits [5i, 5i + 5) of the 80-bit big-endian number.
            var bit = i * 5;
            var word = (entropy[bit / 8] << 8) | (bit / 8 + 1 < EntropyBytes ? entropy[bit / 8 + 1] : 0);
            symbols[i] = (byte)((word >> (11 - bit % 8)) & 31);
        }

        symbols[DataSymbols] = (byte)ReferenceChecksum.CheckFor(symbols[..DataSymbols]);
        return new VerificationReference(Encode(symbols));
    }

    /// <summary>Parses typed text; see <see cref="TryParse"/> for what is forgiven.</summary>
    public static ParseResult<VerificationReference> Parse(string? typed)
    {
        var problem = TryParse(typed, out var reference);
        return problem switch
        {
            ReferenceProblem.None => ParseResult<VerificationReference>.Ok(reference),
            ReferenceProblem.Empty => ParseResult<VerificationReference>.Fail("no reference was given"),
            ReferenceProblem.Length => ParseResult<VerificationReference>.Fail($"a reference has {Length} letters and digits"),
            ReferenceProblem.Character => ParseResult<VerificationReference>.Fail("a reference contains only letters and digits"),
            _ => ParseResult<VerificationReference>.Fail("the reference has a typo (its check character does not match)"),
        };
    }

    /// <summary>
    /// Normalises typed text (case; spaces, non-breaking spaces and hyphens anywhere; O read as 0, I and L as 1) and
    /// checks the check symbol. Returns why the text is refused, or <see cref="ReferenceProblem.None"/>.
    /// </summary>
    public static ReferenceProblem TryParse(string? typed, out VerificationReference reference)
    {
        reference = default;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return ReferenceProblem.Empty;
        }

        if (typed.Length > MaxInputLength)
        {
            return ReferenceProblem.Length;
        }

        Span<byte> symbols = stackalloc byte[Length];
        var count = 0;
        var badCharacter = false;
        foreach (var c in typed)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            var value = ValueOf(c);
            if (value < 0)
            {
                badCharacter = true;
            }
            else if (count < Length)
            {
                symbols[count] = (byte)value;
            }

            count++;
        }

        if (badCharacter)
        {
            return ReferenceProblem.Character;
        }

        if (count != Length)
        {
            return ReferenceProblem.Length;
        }

        if (!ReferenceChecksum.IsValid(symbols))
        {
            return ReferenceProblem.Check;
        }

        reference = new VerificationReference(Encode(symbols));
        return ReferenceProblem.None;
    }

    /// <summary>
    /// The 128-bit keyed hash stored instead of the reference (HMAC-SHA-256 truncated), so that a database reader
    /// without the key can neither list valid references nor test guesses offline.
    /// </summary>
    public byte[] LookupHash(ReadOnlySpan<byte> key)
    {
        Span<byte> input = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            input[i] = (byte)Canonical[i];
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, input, mac);
        return mac[..LookupHashBytes].ToArray();
    }

    /// <summary>The grouped form printed in messages: four groups of four, then the last four symbols and the check.</summary>
    public override string ToString() =>
        Canonical is null ? "" : $"{Canonical[..4]}-{Canonical[4..8]}-{Canonical[8..12]}-{Canonical[12..]}";

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '.' or '_';

    private static int ValueOf(char c)
    {
        var upper = char.ToUpperInvariant(c);
        upper = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };
        return upper is >= '0' and <= 'Z' ? Alphabet.IndexOf(upper, StringComparison.Ordinal) : -1;
    }

    private static string Encode(ReadOnlySpan<byte> symbols)
    {
        Span<char> chars = stackalloc char[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            chars[i] = Alphabet[symbols[i]];
        }

        return new string(chars);
    }
}
