namespace Vigie.Core.Detection;

/// <summary>A level chosen, with what it did to containment, before it becomes a <see cref="RiskDecision"/>.</summary>
internal readonly record struct Outcome(
    RiskLevel Level,
    List<string>? Reasons,
    List<ContainmentChange>? Changes,
    TimeSpan? RetryAfter = null,
    List<RiskAlert>? Alerts = null)
{
    private static readonly IReadOnlyList<string> NoReasons = [];
    private static readonly IReadOnlyList<ContainmentChange> NoChanges = [];
    private static readonly IReadOnlyList<RiskAlert> NoAlerts = [];

    public static Outcome Allow => default;

    public RiskDecision ToDecision(Weighed? evidence, bool enforced) => new(
        Level,
        Reasons is null ? NoReasons : Reasons,
        evidence?.Scores() ?? RiskScores.None,
        RetryAfter,
        enforced,
        Changes is null ? NoChanges : Changes,
        Alerts is null ? NoAlerts : Alerts);
}
