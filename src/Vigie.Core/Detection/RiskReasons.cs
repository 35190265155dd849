namespace Vigie.Core.Detection;

/// <summary>
/// The reason codes of risk decisions: stable strings for the API, alerts, the replay output and the journal.
/// A decision lists the signals that contributed to it, strongest first. Documented in docs/decisions/0007-detection.md.
/// </summary>
public static class RiskReasons
{
    /// <summary>More distinct patients in a window (1 min to 24 h) than the account's and its peers' usual peaks.</summary>
    public const string Volume = "volume";

    /// <summary>The account as a whole (all sessions) is above its usual volume; given to its busiest session.</summary>
    public const string AccountVolume = "volume.account";

    /// <summary>A rate beyond any human's: the request is throttled.</summary>
    public const string Rate = "volume.rate";

    /// <summary>Many disclosed patients have no care link with the account's establishment.</summary>
    public const string CareLink = "care-link";

    /// <summary>Many requests disclose contact data (phone, email, address), more than the account's habit.</summary>
    public const string Contact = "contact";

    /// <summary>Many searches find nothing: guessing identities.</summary>
    public const string Probing = "probing.empty-results";

    /// <summary>Many searches are broad (few traits, several patients each).</summary>
    public const string Breadth = "probing.low-specificity";

    /// <summary>Searches walk the alphabet, or identifiers or birth dates in sequence.</summary>
    public const string Sweep = "sweep";

    /// <summary>An hour or day of the week at which this account does not usually work.</summary>
    public const string Timing = "timing.unusual-hour";

    /// <summary>A network (/24, or /16) never seen for this account nor its establishment.</summary>
    public const string NewNetwork = "context.new-network";

    /// <summary>A browser family never seen for this account.</summary>
    public const string NewUserAgent = "context.new-user-agent";

    /// <summary>Another session of the account is active at the same time from another network.</summary>
    public const string ConcurrentSessions = "context.concurrent-sessions";

    /// <summary>The session moved to another network.</summary>
    public const string SessionNetworkChange = "context.session-network-change";

    /// <summary>The authentication behind the token is older than a Pro Santé Connect session can be.</summary>
    public const string TokenAge = "context.token-age";

    /// <summary>The network was used by a session contained on another account.</summary>
    public const string TaintedNetwork = "region.tainted-network";

    /// <summary>Several accounts ramped up in the same period: thresholds are lowered region-wide.</summary>
    public const string CircuitBreaker = "region.circuit-breaker";

    /// <summary>The request would disclose a canary identity: session and account are suspended at once.</summary>
    public const string Canary = "canary";

    /// <summary>A step-up was asked for and not yet passed.</summary>
    public const string StepUpPending = "step-up.pending";

    /// <summary>A step-up has gone unanswered for longer than a professional takes (an alert, not a decision).</summary>
    public const string StepUpUnanswered = "step-up.unanswered";

    /// <summary>The session keeps sending requests at machine rate instead of re-authenticating.</summary>
    public const string StepUpIgnored = "step-up.ignored";

    /// <summary>The session kept sending requests while throttled.</summary>
    public const string ThrottleIgnored = "throttle.ignored";

    /// <summary>The evidence against the session is overwhelming.</summary>
    public const string Overwhelming = "score.overwhelming";

    /// <summary>Several sessions of the account were suspended within a day.</summary>
    public const string RepeatedSessionSuspensions = "sessions.repeatedly-suspended";

    /// <summary>The session is suspended (sticky until released).</summary>
    public const string SessionSuspended = "contained.session";

    /// <summary>The account is suspended (sticky until released).</summary>
    public const string AccountSuspended = "contained.account";

    /// <summary>A security officer's decision.</summary>
    public const string Officer = "officer";
}
