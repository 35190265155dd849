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

/// <summary>The Luhn checksum used by FINESS and RPPS numbers.</summary>
public static class Luhn
{
    /// <summary>True when the last digit of <paramref name="digits"/> is the Luhn check digit of the others.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>The check digit that makes <paramref name="digitsWithoutCheck"/> + digit valid.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digitsWithoutCheck)
    {
        // One buffer for the ten tries: a stackalloc inside the loop is CA2014 and broke the build.
        Span<char> buffer = stackalloc char[digitsWithoutCheck.Length + 1];
        digitsWithoutCheck.CopyTo(buffer);
        for (var c = '0'; c <= '9'; c++)
        {
            buffer[^1] = c;
            if (IsValid(buffer))
            {
                return c;
            }
        }

        throw new InvalidOperationException("unreachable: one digit always satisfies Luhn");
    }
}
