using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>
/// The in-request risk engine. <see cref="Decide"/> judges one request with the patients it would disclose, before
/// anything is disclosed, and learns from it if it is allowed. State (windows, baselines, containment) lives in this
/// object; the decision is a deterministic function of that state and the event, whose own time is the only clock,
/// so replaying a trace gives the same decisions on any machine. Thread-safe: one lock, held for a few microseconds.
/// </summary>
/// <remarks>
/// Containment is sticky: a suspended session or account stays suspended until <see cref="ReleaseSession"/> or
/// <see cref="ReleaseAccount"/>. Every change is returned as a <see cref="ContainmentChange"/> for the host to store,
/// and changes made elsewhere are taken in with <see cref="Apply"/>. Containing one account never contains another:
/// what is shared across accounts (tainted networks, the regional circuit breaker) only lowers the evidence a
/// step-up needs.
/// </remarks>
public sealed partial class RiskEngine
{
    private readonly Lock _gate = new();
    private readonly DetectionOptions _options;
    private readonly RegionClock _clock;
    private readonly Dictionary<NationalId, AccountState> _accounts = [];
    private readonly RegionState _region = new();
    private readonly ContainmentRegistry _containment = new();

    /// <summary>Creates an engine with no history: cold start on the role priors.</summary>
    public RiskEngine(DetectionOptions? options = null)
    {
        _options = options ?? DetectionOptions.Default;
        _options.Validate();
        _clock = new RegionClock(_options.TimeZone);
    }

    /// <summary>The options in force.</summary>
    public DetectionOptions Options => _options;

    /// <summary>
    /// Judges a request before disclosure. When the decision <see cref="RiskDecision.Discloses"/>, the engine counts
    /// the patients as disclosed; otherwise nothing of the request is learnt.
    /// </summary>
    public RiskDecision Decide(AccessEvent request, IPatientFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            return Judge(request, facts, learnOnly: false)!;
        }
    }

    /// <summary>
    /// Learns from a past access without judging it (warming baselines from the journal at start-up): windows, day
    /// statistics and, as days go by, baselines. No containment is checked or changed.
    /// </summary>
    public void Learn(AccessEvent request, IPatientFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            Judge(request, facts, learnOnly: true);
        }
    }

    /// <summary>An account's containment state: the suspensions in force and their reasons.</summary>
    public ContainmentStatus Status(NationalId professional)
    {
        lock (_gate)
        {
            return new ContainmentStatus(professional, _containment.Account(professional), _containment.SessionsOf(professional));
        }
    }

    /// <summary>Every suspension in force (account ones first), e.g. to compare with the shared store.</summary>
    public IReadOnlyList<ContainmentChange> Containments()
    {
        lock (_gate)
        {
            return [.. _containment.All().OrderBy(c => c.Scope == ContainmentScope.Account ? 0 : 1).ThenBy(c => c.At)];
        }
    }

    /// <summary>True while the regional circuit breaker is tripped.</summary>
    public bool CircuitBreakerTripped(DateTimeOffset at)
    {
        lock (_gate)
        {
            return _region.BreakerTripped(at.UtcTicks);
        }
    }

    /// <summary>
    /// Takes in a containment change made elsewhere (another node, the shared store at start-up). Idempotent; the
    /// latest change per target wins, whatever order they arrive in. True when the local state changed.
    /// </summary>
    public bool Apply(ContainmentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Scope == ContainmentScope.Session && change.Session is null)
        {
            throw new ArgumentException("a session containment names its session", nameof(change));
        }

        lock (_gate)
        {
            var changed = _containment.Apply(change);
            if (changed && change.Action == ContainmentAction.Release)
            {
                Forgive(change.Professional, change.Scope == ContainmentScope.Session ? change.Session : null);
            }

            return changed;
        }
    }

    /// <summary>A security officer releases a session. Null when it was not suspended.</summary>
    public ContainmentChange? ReleaseSession(NationalId professional, string session, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        var change = new ContainmentChange(ContainmentScope.Session, ContainmentAction.Release, professional, session, at, [RiskReasons.Officer], by, !_options.ReportOnly);
        return Apply(change) ? change : null;
    }

    /// <summary>
    /// A security officer releases an account and, unless <paramref name="includeSessions"/> is false, its suspended
    /// sessions. Returns the changes made (empty when nothing was suspended).
    /// </summary>
    public IReadOnlyList<ContainmentChange> ReleaseAccount(NationalId professional, string by, DateTimeOffset at, bool includeSessions = true)
    {
        var changes = new List<ContainmentChange>();
        var accountRelease = new ContainmentChange(ContainmentScope.Account, ContainmentAction.Release, professional, null, at, [RiskReasons.Officer], by, !_options.ReportOnly);
        if (Apply(accountRelease))
        {
            changes.Add(accountRelease);
        }

        if (includeSessions)
        {
            foreach (var held in Status(professional).Sessions)
            {
                if (ReleaseSession(professional, held.Session!, by, at) is { } released)
                {
                    changes.Add(released);
                }
            }
        }

        return changes;
    }

    /// <summary>A security officer suspends an account by hand. Null when it already was.</summary>
    public ContainmentChange? SuspendAccount(NationalId professional, string by, DateTimeOffset at)
    {
        var change = new ContainmentChange(ContainmentScope.Account, ContainmentAction.Suspend, professional, null, at, [RiskReasons.Officer], by, !_options.ReportOnly);
        return Apply(change) ? change : null;
    }

    /// <summary>
    /// After a release, the evidence that led to the suspension is vouched for, or it would strike again at once: a
    /// released session is cleared; an account release clears the account's count of suspended sessions, and nothing
    /// of sessions it did not release (one waiting for a step-up still has to pass it).
    /// </summary>
    private void Forgive(NationalId professional, string? session)
    {
        if (!_accounts.TryGetValue(professional, out var account))
        {
            return;
        }

        account.SessionSuspensions.Clear();
        if (session is not null && account.Sessions.TryGetValue(session, out var released))
        {
            ClearSession(account, released);
        }
    }

    private void ClearSession(AccountState account, SessionState session)
    {
        if (session.PendingSince is not null && account.Today.PendingStepUps > 0)
        {
            account.Today.PendingStepUps--;
        }

        session.PendingSince = null;
        session.RefusedWhilePending = null;
        session.ThrottledUntil = 0;
        session.RequestsWhileThrottled = 0;
        session.Passed = true;
        session.Cleared = session.LastTotal;
        account.Profile.LearnContext(session.Network.Subnet, session.Network.Block, session.UserAgent);
        _region.Unmark(account.Professional);
    }
}
