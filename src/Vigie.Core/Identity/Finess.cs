namespace Vigie.Core.Identity;

/// <summary>
/// A FINESS establishment number: 9 characters, the first two the département ("2A"/"2B" for Corsica),
/// the last a Luhn check digit computed over the first eight.
/// </summary>
public readonly record struct Finess(string Value)
{
    /// <summary>Parses and checks a FINESS number.</summary>
    public static ParseResult<Finess> Parse(string? value)
    {
        if (value is null || value.Length != 9)
        {
            return ParseResult<Finess>.Fail("a FINESS number has 9 characters");
        }

        // Corsica's département letters are replaced by digits for the check, as the FINESS rules do (2A -> 20, 2B -> 20).
        var digits = value.StartsWith("2A", StringComparison.Ordinal) || value.StartsWith("2B", StringComparison.Ordinal)
            ? "20" + value[2..]
            : value;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return ParseResult<Finess>.Fail("a FINESS number contains only digits (or 2A/2B)");
            }
        }

        return Luhn.IsValid(digits)
            ? ParseResult<Finess>.Ok(new Finess(value))
            : ParseResult<Finess>.Fail("the FINESS check digit is wrong");
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
