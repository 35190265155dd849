namespace Vigie.Core.Incidents;

/// <summary>
/// An IP or user agent shared by so many accounts (a hospital's NAT address, a common browser) that pivoting on it
/// would propose half the region: reported with its count instead of being expanded.
/// </summary>
/// <param name="Kind">IP or user agent.</param>
/// <param name="Value">The value.</param>
/// <param name="Accounts">Other accounts seen with it (at least this many).</param>
public sealed record CommonPivotValue(PivotKind Kind, string Value, int Accounts);
