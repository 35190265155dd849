namespace Vigie.Core.Incidents;

/// <summary>What a pivot goes through.</summary>
public enum PivotKind
{
    /// <summary>The same client IP.</summary>
    ClientIp,

    /// <summary>The same User-Agent string.</summary>
    UserAgent,
}
