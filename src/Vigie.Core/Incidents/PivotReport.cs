namespace Vigie.Core.Incidents;

/// <summary>Pivots of an incident.</summary>
/// <param name="Ips">The IPs pivoted on: those named plus those the incident's entries came from.</param>
/// <param name="UserAgents">The user agents pivoted on, likewise.</param>
/// <param name="Candidates">Accounts proposed for the scope, most shared entries first.</param>
/// <param name="TooCommon">Values not expanded because too many accounts share them.</param>
public sealed record PivotReport(
    IReadOnlyList<string> Ips,
    IReadOnlyList<string> UserAgents,
    IReadOnlyList<PivotCandidate> Candidates,
    IReadOnlyList<CommonPivotValue> TooCommon);
