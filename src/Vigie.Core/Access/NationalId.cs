using Vigie.Core.Identity;

namespace Vigie.Core.Access;

/// <summary>
/// A health professional's national identifier as Pro Santé Connect gives it in <c>SubjectNameID</c>: the
/// directory's type prefix and the number, "8" + an 11-digit RPPS number (Luhn-checked), or "0" + a 9-character
/// ADELI number. A bare 11-digit RPPS is accepted and given its prefix, so that scripts may pass either form.
/// </summary>
public readonly record struct NationalId(string Value)
{
    /// <summary>True when the number is an RPPS number (prefix 8); false for ADELI (prefix 0).</summary>
    public bool IsRpps => Value.StartsWith('8');

    /// <summary>Parses and checks a national professional id.</summary>
    public static ParseResult<NationalId> Parse(string? value)
    {
        if (value is null || value.Length is < 10 or > 12)
        {
            return ParseResult<NationalId>.Fail("a national professional id is 8 + an 11-digit RPPS number or 0 + a 9-character ADELI number");
        }

        if (value.Length == 11)
        {
            value = "8" + value;
        }

        var digits = value[1..];
        if (value[0] == '8' && digits.Length == 11 && digits.All(char.IsAsciiDigit))
        {
            return Luhn.IsValid(digits)
                ? ParseResult<NationalId>.Ok(new NationalId(value))
                : ParseResult<NationalId>.Fail("the RPPS check digit is wrong");
        }

        // ADELI numbers are 9 characters (département, profession, order number, key); some contain letters (2A/2B).
        if (value[0] == '0' && digits.Length == 9 && digits.All(char.IsAsciiLetterOrDigit))
        {
            return ParseResult<NationalId>.Ok(new NationalId(value));
        }

        return ParseResult<NationalId>.Fail("a national professional id is 8 + an 11-digit RPPS number or 0 + a 9-character ADELI number");
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
