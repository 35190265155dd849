using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Scoring;

/// <summary>How one attacker session fared.</summary>
/// <param name="Label">Its label.</param>
/// <param name="Start">Its first request.</param>
/// <param name="Exposure">Distinct patients disclosed by its allowed requests before its first non-allow decision.</param>
/// <param name="TimeToContainment">From its first request to its first non-allow decision; null when never contained.</param>
/// <param name="FirstDecision">Its first non-allow decision (step-up, throttle or block), or null.</param>
/// <param name="Requests">Requests it sent.</param>
public sealed record AttackSessionScore(AttackLabel Label, DateTimeOffset Start, int Exposure, TimeSpan? TimeToContainment, string? FirstDecision, int Requests);
