namespace Vigie.Core.Identity;

/// <summary>The Luhn checksum used by FINESS and RPPS numbers.</summary>
public static class Luhn
{
    /// <summary>
    /// True when the last digit of <paramref name="digits"/> is the Luhn check digit of the others;
    /// false when any character is not an ASCII digit or there are fewer than two.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && AreDigits(digits) && Sum(digits, doubleLast: false) % 10 == 0;

    /// <summary>The check digit that makes <paramref name="digitsWithoutCheck"/> followed by that digit valid.</summary>
    /// <exception cref="ArgumentException">A character is not an ASCII digit, or there is none.</exception>
    public static char CheckDigit(ReadOnlySpan<char> digitsWithoutCheck)
    {
        if (digitsWithoutCheck.IsEmpty || !AreDigits(digitsWithoutCheck))
        {
            throw new ArgumentException("Luhn works on ASCII digits only.", nameof(digitsWithoutCheck));
        }

        return (char)('0' + ((10 - (Sum(digitsWithoutCheck, doubleLast: true) % 10)) % 10));
    }

    /// <summary>
    /// The Luhn sum of <paramref name="digits"/>, doubling every second digit from the right, starting with the
    /// last one when <paramref name="doubleLast"/> (the digits are then followed by the check digit).
    /// </summary>
    private static int Sum(ReadOnlySpan<char> digits, bool doubleLast)
    {
        var sum = 0;
        var doubleIt = doubleLast;
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

        return sum;
    }

    private static bool AreDigits(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
