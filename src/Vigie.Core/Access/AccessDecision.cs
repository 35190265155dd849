namespace Vigie.Core.Access;

/// <summary>A policy decision: allow, or the kind of refusal with a reason code (for the journal and detection)
/// and a message fit to show the client (never identity data).</summary>
/// <param name="Kind">Allow or the refusal's kind.</param>
/// <param name="Reason">A stable reason code, e.g. "search.not-specific".</param>
/// <param name="Message">What the client should do.</param>
/// <param name="StepUp">For <see cref="DecisionKind.StepUp"/>: what the new sign-in must give.</param>
public sealed record AccessDecision(DecisionKind Kind, string Reason, string Message, StepUpRequirement? StepUp = null)
{
    /// <summary>The one allow decision.</summary>
    public static AccessDecision Allowed { get; } = new(DecisionKind.Allow, "allow", "");

    /// <summary>True for <see cref="DecisionKind.Allow"/>.</summary>
    public bool IsAllowed => Kind == DecisionKind.Allow;

    /// <summary>A refusal of the given kind.</summary>
    public static AccessDecision Deny(DecisionKind kind, string reason, string message) => new(kind, reason, message);
}
