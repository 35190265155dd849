namespace Vigie.Core.Detection;

/// <summary>
/// The evidence behind a decision, in log-likelihood-ratio units (natural log: +2.3 means the observation is ten
/// times likelier from an attacker than from this account's usual work). Each behavioural signal is a one-sided
/// CUSUM over the session, so a signal that does not apply cannot cancel one that does.
/// </summary>
/// <param name="Context">New network or browser, concurrent sessions, network change, token age, tainted network.</param>
/// <param name="Timing">Unusual hour or day for the account.</param>
/// <param name="CareLink">Patients without a care link.</param>
/// <param name="Contact">Contact data disclosed.</param>
/// <param name="Probing">Searches that find nothing.</param>
/// <param name="Breadth">Broad searches.</param>
/// <param name="Sweep">Alphabetical or sequential patterns.</param>
/// <param name="Volume">Distinct patients beyond the usual peaks (session, and account when this session is its busiest).</param>
/// <param name="Total">The sum, compared with <see cref="StepUpThreshold"/>.</param>
/// <param name="StepUpThreshold">The threshold in force for this session (lowered by the regional circuit breaker,
/// raised after a passed step-up).</param>
/// <param name="SessionPatients1Minute">Distinct patients of the session in the last minute, this request included.</param>
/// <param name="SessionPatients15Minutes">Same over 15 minutes.</param>
/// <param name="SessionPatients1Hour">Same over one hour.</param>
/// <param name="SessionPatients24Hours">Same over 24 hours.</param>
/// <param name="AccountPatients24Hours">Distinct patients of the account (all sessions) over 24 hours.</param>
public sealed record RiskScores(
    double Context,
    double Timing,
    double CareLink,
    double Contact,
    double Probing,
    double Breadth,
    double Sweep,
    double Volume,
    double Total,
    double StepUpThreshold,
    int SessionPatients1Minute,
    int SessionPatients15Minutes,
    int SessionPatients1Hour,
    int SessionPatients24Hours,
    int AccountPatients24Hours)
{
    /// <summary>No evidence (decisions taken from containment state alone).</summary>
    public static RiskScores None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
