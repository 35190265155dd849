namespace Vigie.Core.Incidents;

/// <summary>An account not named by the incident, seen in the window from one of its IPs or user agents: proposed, never added by itself.</summary>
/// <param name="Account">The actor id.</param>
/// <param name="SharedIps">The incident's IPs this account used in the window.</param>
/// <param name="SharedUserAgents">The incident's user agents this account used in the window.</param>
/// <param name="SharedEntries">Its journal entries in the window from a shared IP or user agent (any action, any outcome).</param>
/// <param name="First">Its first entry from a shared IP or user agent.</param>
/// <param name="Last">Its last entry from a shared IP or user agent.</param>
/// <param name="PatientsIfAdded">Distinct patients disclosed to it in the window: what adding it to the scope would bring in at most.</param>
public sealed record PivotCandidate(
    string Account,
    IReadOnlyList<string> SharedIps,
    IReadOnlyList<string> SharedUserAgents,
    int SharedEntries,
    DateTimeOffset First,
    DateTimeOffset Last,
    int PatientsIfAdded);
