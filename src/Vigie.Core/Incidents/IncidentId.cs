using System.Globalization;

namespace Vigie.Core.Incidents;

/// <summary>An incident's number, assigned by storage. Shown as "INC-42"; both "INC-42" and "42" parse.</summary>
/// <param name="Value">The positive number.</param>
public readonly record struct IncidentId(long Value)
{
    private const string Prefix = "INC-";

    /// <summary>Parses "INC-42" or "42".</summary>
    public static ParseResult<IncidentId> Parse(string? text)
    {
        var digits = text?.Trim() ?? "";
        if (digits.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[Prefix.Length..];
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? ParseResult<IncidentId>.Ok(new IncidentId(value))
            : ParseResult<IncidentId>.Fail("an incident id is INC- followed by a positive number (or the number alone)");
    }

    /// <inheritdoc />
    public override string ToString() => Prefix + Value.ToString(CultureInfo.InvariantCulture);
}
