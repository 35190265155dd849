namespace Vigie.Core.Identity;

/// <summary>
/// The birthplace trait: a code of the INSEE code officiel géographique (COG), 5 characters.
/// Born in France: the commune code, 5 digits, or 2A/2B and 3 digits for Corsica (20xxx before 1976 is kept,
/// since the code is the one in force at the date of birth). Born abroad: 99 and the 3-digit country code
/// (99101 upward; 99100 is France itself, which is never a birthplace code).
/// </summary>
/// <remarks>
/// The check is structural: whether the commune or country exists at the date of birth needs the COG files,
/// which is IO and belongs outside Core.
/// </remarks>
public static class BirthplaceCode
{
    /// <summary>The code used for a birth abroad in an unknown country.</summary>
    public const string UnknownCountry = "99999";

    /// <summary>
    /// Parses a birthplace code. Surrounding white space is ignored and a lower-case Corsican 2a/2b is
    /// upper-cased; anything else must already be the 5-character code.
    /// </summary>
    public static ParseResult<string> Parse(string? raw)
    {
        if (raw is null)
        {
            return ParseResult<string>.Fail("the birthplace code is missing");
        }

        var trimmed = raw.AsSpan().Trim();
        if (trimmed.Length != 5)
        {
            return ParseResult<string>.Fail("a birthplace code has 5 characters");
        }

        Span<char> code = stackalloc char[5];
        trimmed.CopyTo(code);
        if (code[0] == '2' && code[1] is 'a' or 'b')
        {
            code[1] = (char)(code[1] - ('a' - 'A'));
        }

        var corsica = code[0] == '2' && code[1] is 'A' or 'B';
        if (!char.IsAsciiDigit(code[0]) || !(corsica || char.IsAsciiDigit(code[1]))
            || !char.IsAsciiDigit(code[2]) || !char.IsAsciiDigit(code[3]) || !char.IsAsciiDigit(code[4]))
        {
            return ParseResult<string>.Fail("a birthplace code is 5 digits, or 2A/2B and 3 digits for Corsica");
        }

        if (code[0] == '0' && code[1] == '0')
        {
            return ParseResult<string>.Fail("no département has the code 00");
        }

        if (IsAbroad(code) && code[2..].SequenceCompareTo("100") <= 0)
        {
            return ParseResult<string>.Fail("a country code of birth abroad runs from 99101; a birth in France is coded by its commune");
        }

        return ParseResult<string>.Ok(code.SequenceEqual(raw) ? raw : new string(code));
    }

    /// <summary>True when <paramref name="code"/> (a parsed birthplace code) is a birth abroad: 99 and a country code.</summary>
    public static bool IsAbroad(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return IsAbroad(code.AsSpan());
    }

    private static bool IsAbroad(ReadOnlySpan<char> code) => code.Length == 5 && code[0] == '9' && code[1] == '9';
}
