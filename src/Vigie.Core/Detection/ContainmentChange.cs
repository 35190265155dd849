using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>
/// A change of containment state, as a value: the engine returns the ones it makes in <see cref="RiskDecision.Changes"/>
/// (and from releases) so that the host can store them and other nodes can <see cref="RiskEngine.Apply"/> them.
/// </summary>
/// <param name="Scope">Session or account.</param>
/// <param name="Action">Suspend or release.</param>
/// <param name="Professional">The account.</param>
/// <param name="Session">The session for <see cref="ContainmentScope.Session"/>; null for an account.</param>
/// <param name="At">When (event time, or the officer's clock).</param>
/// <param name="Reasons">Reason codes (<see cref="RiskReasons"/>).</param>
/// <param name="By">"engine", or the security officer's id.</param>
/// <param name="Enforced">False in report-only mode: the change is what would have happened.</param>
public sealed record ContainmentChange(
    ContainmentScope Scope,
    ContainmentAction Action,
    NationalId Professional,
    string? Session,
    DateTimeOffset At,
    IReadOnlyList<string> Reasons,
    string By,
    bool Enforced)
{
    /// <summary>The value of <see cref="By"/> for changes the engine makes.</summary>
    public const string Engine = "engine";
}
