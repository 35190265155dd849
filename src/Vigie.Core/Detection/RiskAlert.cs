using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>An alert for security officers (stored, listed, pushed by the host). Carries no identity data.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Professional">The account concerned (for the circuit breaker: the account whose request tripped it).</param>
/// <param name="Session">The session concerned, or null.</param>
/// <param name="At">Event time.</param>
/// <param name="Reasons">Reason codes.</param>
public sealed record RiskAlert(RiskAlertKind Kind, NationalId Professional, string? Session, DateTimeOffset At, IReadOnlyList<string> Reasons);
