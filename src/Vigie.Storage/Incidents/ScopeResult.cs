using Vigie.Core.Incidents;

namespace Vigie.Storage.Incidents;

/// <summary>A computed scope, with what the incident's entries revealed for pivoting.</summary>
/// <param name="Scope">The scope.</param>
/// <param name="ObservedIps">Client IPs (normalised) of the incident's entries in the window, whatever their outcome.</param>
/// <param name="ObservedUserAgents">User agents of those entries.</param>
/// <param name="ScannedAccounts">Accounts whose entries were read (named, and found through sessions, IPs or user agents).</param>
public sealed record ScopeResult(IncidentScope Scope, IReadOnlyList<string> ObservedIps, IReadOnlyList<string> ObservedUserAgents, IReadOnlyList<string> ScannedAccounts);
