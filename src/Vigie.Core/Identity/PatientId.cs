namespace Vigie.Core.Identity;

/// <summary>The regional identity's logical id, also its FHIR Patient id.</summary>
public readonly record struct PatientId(string Value)
{
    /// <summary>FHIR ids are [A-Za-z0-9\-\.]{1,64}.</summary>
    public static ParseResult<PatientId> Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return ParseResult<PatientId>.Fail("a patient id has 1 to 64 characters");
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return ParseResult<PatientId>.Fail("a patient id contains only letters, digits, '-' and '.'");
            }
        }

        return ParseResult<PatientId>.Ok(new PatientId(value));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
