namespace Vigie.Registry;

/// <summary>A FHIR token search value: <c>system|value</c>, <c>|value</c> (no system) or <c>value</c> (any system).</summary>
internal readonly record struct TokenParameter(string? System, string? Value, bool SystemGiven)
{
    public static TokenParameter Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return default;
        }

        var bar = raw.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return new TokenParameter(null, raw, SystemGiven: false);
        }

        var system = raw[..bar];
        var value = raw[(bar + 1)..];
        return new TokenParameter(system.Length == 0 ? null : system, value.Length == 0 ? null : value, SystemGiven: true);
    }
}
