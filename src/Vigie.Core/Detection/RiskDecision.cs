namespace Vigie.Core.Detection;

/// <summary>
/// The engine's answer to one request, taken before disclosure. In report-only mode the level is what would have
/// been enforced and <see cref="Enforced"/> is false: the host must then disclose as if allowed.
/// </summary>
/// <param name="Level">Allow, step-up, throttle, suspend session or suspend account.</param>
/// <param name="Reasons">Reason codes (<see cref="RiskReasons"/>), strongest first; empty when allowed.</param>
/// <param name="Scores">The evidence behind the level.</param>
/// <param name="RetryAfter">For <see cref="RiskLevel.Throttle"/>: how long to wait (the Retry-After header).</param>
/// <param name="Enforced">False in report-only mode.</param>
/// <param name="Changes">Containment changes made by this decision, for the host to store and share.</param>
/// <param name="Alerts">Alerts raised by this decision.</param>
public sealed record RiskDecision(
    RiskLevel Level,
    IReadOnlyList<string> Reasons,
    RiskScores Scores,
    TimeSpan? RetryAfter,
    bool Enforced,
    IReadOnlyList<ContainmentChange> Changes,
    IReadOnlyList<RiskAlert> Alerts)
{
    /// <summary>True when the host may disclose the patients: allowed, or not enforced (report-only).</summary>
    public bool Discloses => Level == RiskLevel.Allow || !Enforced;

    /// <summary>The replay format's name of the level: allow, step-up, throttle or block (either suspension).</summary>
    public string ReplayName => Level switch
    {
        RiskLevel.Allow => "allow",
        RiskLevel.StepUp => "step-up",
        RiskLevel.Throttle => "throttle",
        _ => "block",
    };
}
