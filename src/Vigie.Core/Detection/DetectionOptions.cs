using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>
/// Every threshold and weight of the risk engine, with its documented default (decision 0007 explains the model
/// they belong to and tabulates them).
/// Evidence is in natural-log likelihood-ratio units: +2.3 means "ten times likelier from an attacker".
/// </summary>
public sealed record DetectionOptions
{
    /// <summary>The defaults.</summary>
    public static DetectionOptions Default { get; } = new();

    /// <summary>Compute and report decisions without enforcing them (calibration). Default false.</summary>
    public bool ReportOnly { get; init; }

    /// <summary>The region's time zone, for hours and days of the week. Default UTC; the host passes Europe/Paris.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Total evidence at which a session must step up. Default 9 (about 8,000:1).</summary>
    public double StepUpScore { get; init; } = 9;

    /// <summary>Behavioural evidence (signals, volume, and context that corroborates: concurrent sessions, token age) a
    /// step-up also needs: a new network or an unusual hour alone never interrupts a professional who does
    /// nothing unusual. Default 2.</summary>
    public double MinBehaviourForStepUp { get; init; } = 2;

    /// <summary>Total evidence at which a session that never passed a step-up is suspended outright. Default 30.</summary>
    public double OverwhelmingScore { get; init; } = 30;

    /// <summary>Share of disclosed patients without a care link in an attack. Default 0.8.</summary>
    public double AttackUnlinkedRate { get; init; } = 0.8;

    /// <summary>
    /// How much of one observation each new patient of a request is for the care-link signal: 1 / n^damping for a
    /// request that brings n new patients. 0 counts every patient as a full observation; 1 (the default) counts a
    /// request as one observation of the share of its patients cared for elsewhere. Why: a PDQm search by name finds
    /// homonyms, people sharing a second given name and people with that used name, most of them cared for elsewhere;
    /// counted one by one, a single such search read as an account turning to other establishments' patients and
    /// stepped up several professionals a day on the demo region. Volume and the rate caps still count every patient,
    /// so a harvest by broad searches stays visible (see docs/benchmarks.md, detection).
    /// </summary>
    public double CareLinkResultDamping { get; init; } = 1;

    /// <summary>Share of requests disclosing contact data in an attack. Default 0.9.</summary>
    public double AttackContactRate { get; init; } = 0.9;

    /// <summary>Share of searches finding nobody in an attack (guessing). Default 0.6.</summary>
    public double AttackEmptyRate { get; init; } = 0.6;

    /// <summary>Share of broad searches in an attack. Default 0.6.</summary>
    public double AttackBroadRate { get; init; } = 0.6;

    /// <summary>How much of a suspicious observation an unlinked patient read with a declared break-the-glass purpose counts
    /// for (audited and reviewed, so not nothing, but not an anonymous read either). Default 0.5.</summary>
    public double BreakTheGlassWeight { get; init; } = 0.5;

    /// <summary>Concentration of the beta distributions around the usual and attack rates: how much a rate varies from one
    /// session to another (lower: more). Default 8, i.e. a usual rate of 0.3 is often 0.15 or 0.45 in a given session.
    /// An account's own concentration is then learnt from how its rates vary from day to day.</summary>
    public double RateConcentration { get; init; } = 8;

    /// <summary>Largest evidence one behavioural signal can give, so that no single one decides alone. Default 10.</summary>
    public double SignalCap { get; init; } = 10;

    /// <summary>Probability that an alphabetical sweep's next search comes later in the alphabet (a human's: 0.5). Default 0.9.</summary>
    public double SweepOrderLikelihood { get; init; } = 0.9;

    /// <summary>Share of a professional's consecutive searches in sequence (identifiers within 10, same surname with a birth date
    /// 1 to 3 days off: mostly typo corrections). Default 0.05.</summary>
    public double UsualSequenceRate { get; init; } = 0.05;

    /// <summary>Share of an enumerating script's consecutive searches in sequence. Default 0.6.</summary>
    public double AttackSequenceRate { get; init; } = 0.6;

    /// <summary>Evidence of a /24 never seen for the account nor its establishment, in a known /16. Default 1.5.</summary>
    public double NewSubnetEvidence { get; init; } = 1.5;

    /// <summary>Evidence of a /16 never seen for the account nor its establishment. Default 3.</summary>
    public double NewNetworkEvidence { get; init; } = 3;

    /// <summary>Evidence of a browser family never seen for the account. Default 1.5.</summary>
    public double NewUserAgentEvidence { get; init; } = 1.5;

    /// <summary>Days of clean history after which new-network and new-browser evidence counts fully (it grows from 0). Default 3.</summary>
    public int MaturityDays { get; init; } = 3;

    /// <summary>Evidence of another session of the account active from another /16. Default 3.</summary>
    public double ConcurrentOtherNetworkEvidence { get; init; } = 3;

    /// <summary>Evidence of another session of the account active from the same /16. Default 1.</summary>
    public double ConcurrentSameNetworkEvidence { get; init; } = 1;

    /// <summary>Evidence added as concurrency lasts, reached after an hour without a break. Default 2.</summary>
    public double SustainedConcurrencyEvidence { get; init; } = 2;

    /// <summary>How recent another session's request must be to count as concurrent. Default 15 minutes.</summary>
    public TimeSpan ConcurrentWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A pause of the other session shorter than this does not end sustained concurrency: an owner away from the
    /// desk for half an hour does not reset the hour an intruder's session has been working beside theirs (the
    /// sustained part is kept through the pause, the plain concurrency evidence is not). Default 1 hour.
    /// </summary>
    public TimeSpan ConcurrencyPause { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Evidence of a session whose /16 changed since it started. Default 2.5.</summary>
    public double SessionNetworkChangeEvidence { get; init; } = 2.5;

    /// <summary>Age of the authentication beyond which a token is suspicious (a Pro Santé Connect session lasts 4 h). Default 4 h.</summary>
    public TimeSpan TokenAgeLimit { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Evidence of a token older than <see cref="TokenAgeLimit"/> (doubled beyond three times the limit). Default 3.</summary>
    public double TokenAgeEvidence { get; init; } = 3;

    /// <summary>Evidence of a /24 used by a session contained on another account. Default 5.</summary>
    public double TaintedNetworkEvidence { get; init; } = 5;

    /// <summary>How long a network stays tainted. Default 7 days.</summary>
    public TimeSpan TaintDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Accounts of one establishment that must have used a /24 on clean days for it to be the establishment's. Default 2.</summary>
    public int EstablishmentNetworkAccounts { get; init; } = 2;

    /// <summary>Timing evidence is ln(1 / (168 × share of the account's activity in this hour of the week)) minus this margin. Default 1.</summary>
    public double TimingMargin { get; init; } = 1;

    /// <summary>Largest timing evidence. Default 3.5.</summary>
    public double TimingCap { get; init; } = 3.5;

    /// <summary>Volume evidence per unit of ln(count / usual peak). Default 4.</summary>
    public double VolumeWeight { get; init; } = 4;

    /// <summary>The usual peak is the baseline's exp(mean + z × spread) of ln(peak + 1): this z. Default 2.</summary>
    public double VolumeQuantile { get; init; } = 2;

    /// <summary>Weight, in days, of the peer group (then role prior) in an account's own volume baseline. Default 7.</summary>
    public double PeerWeightDays { get; init; } = 7;

    /// <summary>Weight, in observations, of the peer group (then role prior) in an account's own rates. Default 40.</summary>
    public double PriorWeight { get; init; } = 40;

    /// <summary>Half-life of learnt baselines. Default 14 days.</summary>
    public double BaselineHalfLifeDays { get; init; } = 14;

    /// <summary>Half-life of the learnt hours of the week. Default 28 days.</summary>
    public double HoursHalfLifeDays { get; init; } = 28;

    /// <summary>Weight, in weeks, of the role's hours in the account's hours. Default 2.</summary>
    public double HoursPriorWeeks { get; init; } = 2;

    /// <summary>Distinct patients in one minute beyond which a session is throttled, at least. Default 30.</summary>
    public int ThrottlePerMinute { get; init; } = 30;

    /// <summary>Distinct patients in 15 minutes beyond which a session is throttled, at least. Default 150.</summary>
    public int ThrottlePer15Minutes { get; init; } = 150;

    /// <summary>The throttle caps are at least this multiple of the usual peaks. Default 4.</summary>
    public double ThrottleBaselineMultiple { get; init; } = 4;

    /// <summary>Refused requests within 10 minutes after which a session that ignores its step-up is throttled. Default 40.</summary>
    public int IgnoredStepUpRequests { get; init; } = 40;

    /// <summary>
    /// How long a step-up may stay unanswered before security officers are alerted. Default 10 min. A professional
    /// answers within a minute or two; an intruder who cannot pass it usually just stops, and the patients the session
    /// received before the step-up belong in an incident's scope, so the session must be named in an alert.
    /// </summary>
    public TimeSpan StepUpUnansweredAlert { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests sent while throttled after which the session is suspended. Default 20.</summary>
    public int IgnoredThrottleRequests { get; init; } = 20;

    /// <summary>Session suspensions of one account within 24 h that suspend the account. Default 2.</summary>
    public int SessionSuspensionsForAccount { get; init; } = 2;

    /// <summary>Window over which ramping accounts (an unanswered step-up, a containment) are counted. Default 6 h.</summary>
    public TimeSpan BreakerWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Ramping accounts in the window that trip the regional circuit breaker. Default 3.</summary>
    public int BreakerAccounts { get; init; } = 3;

    /// <summary>Multiplier of <see cref="StepUpScore"/> while the breaker is tripped, for sessions with some context evidence
    /// (a network, browser or token the account does not usually show): a distributed attack comes from outside,
    /// and professionals at their usual workstation are not asked more. Default 0.7.</summary>
    public double BreakerSensitivity { get; init; } = 0.7;

    /// <summary>How long the breaker stays tripped after the count last reached <see cref="BreakerAccounts"/>. Default 12 h.</summary>
    public TimeSpan BreakerHold { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Idle time after which a session's windows are dropped (its containment, if any, is kept). Default 12 h.</summary>
    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Cold-start priors per role (see <see cref="RolePriors"/>).</summary>
    public IReadOnlyDictionary<Role, RolePrior> Priors { get; init; } = RolePriors.Defaults;

    /// <summary>The prior of <paramref name="role"/>, or <see cref="RolePriors.Fallback"/>.</summary>
    public RolePrior PriorOf(Role role) => Priors.TryGetValue(role, out var prior) ? prior : RolePriors.Fallback;

    /// <summary>Throws when a value is out of range (a configuration error, found at start-up).</summary>
    public void Validate()
    {
        Positive(StepUpScore, nameof(StepUpScore));
        Positive(OverwhelmingScore, nameof(OverwhelmingScore));
        Rate(AttackUnlinkedRate, nameof(AttackUnlinkedRate));
        Exponent(CareLinkResultDamping, nameof(CareLinkResultDamping));
        Rate(AttackContactRate, nameof(AttackContactRate));
        Rate(AttackEmptyRate, nameof(AttackEmptyRate));
        Rate(AttackBroadRate, nameof(AttackBroadRate));
        Rate(SweepOrderLikelihood, nameof(SweepOrderLikelihood));
        Rate(UsualSequenceRate, nameof(UsualSequenceRate));
        Rate(AttackSequenceRate, nameof(AttackSequenceRate));
        Positive(RateConcentration, nameof(RateConcentration));
        Positive(SignalCap, nameof(SignalCap));
        Rate(BreakerSensitivity, nameof(BreakerSensitivity));
        Positive(BaselineHalfLifeDays, nameof(BaselineHalfLifeDays));
        Positive(HoursHalfLifeDays, nameof(HoursHalfLifeDays));
        Positive(VolumeWeight, nameof(VolumeWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(ThrottlePerMinute, 1, nameof(ThrottlePerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(ThrottlePer15Minutes, 1, nameof(ThrottlePer15Minutes));
        ArgumentOutOfRangeException.ThrowIfLessThan(BreakerAccounts, 2, nameof(BreakerAccounts));
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionSuspensionsForAccount, 1, nameof(SessionSuspensionsForAccount));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StepUpUnansweredAlert, TimeSpan.Zero, nameof(StepUpUnansweredAlert));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConcurrentWindow, TimeSpan.Zero, nameof(ConcurrentWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConcurrencyPause, TimeSpan.Zero, nameof(ConcurrencyPause));
        ArgumentNullException.ThrowIfNull(TimeZone);
        ArgumentNullException.ThrowIfNull(Priors);
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0))
        {
            throw new ArgumentOutOfRangeException(name, "must be positive");
        }
    }

    private static void Exponent(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, "an exponent from 0 to 1");
        }
    }

    private static void Rate(double value, string name)
    {
        if (!(value is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(name, "a rate lies strictly between 0 and 1");
        }
    }
}
