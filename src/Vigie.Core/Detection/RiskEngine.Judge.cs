namespace Vigie.Core.Detection;

public sealed partial class RiskEngine
{
    private const int RampingAfterRefusals = 3;

    private static readonly IReadOnlyList<ContainmentChange> NoChanges = [];
    private static readonly IReadOnlyList<RiskAlert> NoAlerts = [];

    // Per-request scratch, reused under the lock so that a decision allocates only its result.
    private readonly RequestPatients _patients = new();
    private readonly int[] _sessionCounts = new int[SlidingDistinct.WindowCount];
    private readonly int[] _accountCounts = new int[SlidingDistinct.WindowCount];

    private RiskDecision? Judge(AccessEvent request, IPatientFacts facts, bool learnOnly)
    {
        var account = AccountOf(request);
        var now = Math.Max(request.Time.UtcTicks, account.LastTicks);
        account.LastTicks = now;
        var (day, hourOfWeek) = _clock.Local(request.Time);
        if (!account.HasDay || account.Day != day)
        {
            RollDay(account, day, now);
        }

        if (account.ExpectedFor != (request.Establishment, request.Role))
        {
            account.Role = request.Role;
            account.Establishment = request.Establishment;
            RefreshExpected(account);
        }

        var session = SessionOf(account, request, now);
        if (!learnOnly)
        {
            if (_containment.Account(account.Professional) is { } accountHold)
            {
                return Held(RiskLevel.SuspendAccount, RiskReasons.AccountSuspended, accountHold);
            }

            if (_containment.Session(account.Professional, session.Id) is { } sessionHold)
            {
                return Held(RiskLevel.SuspendSession, RiskReasons.SessionSuspended, sessionHold);
            }

            if (session.PendingSince is { } pending && request.AuthenticatedAt is { } auth && auth.UtcTicks > pending)
            {
                ClearSession(account, session);
            }

            if (session.ThrottledUntil > now)
            {
                return StillThrottled(account, session, request, now);
            }
        }

        session.Window.Advance(now);
        account.Window.Advance(now);
        _patients.Load(request, facts, session.Window, account.Window, _sessionCounts, _accountCounts);
        if (_patients.Canary && !learnOnly)
        {
            return Canary(account, session, request, now);
        }

        var evidence = Weigh(account, session, request, hourOfWeek, now);
        var outcome = learnOnly ? Outcome.Allow : Choose(account, session, evidence, now);
        session.LastTotal = evidence.Total;
        var enforced = !_options.ReportOnly;
        if (outcome.Level == RiskLevel.Allow || !enforced || learnOnly)
        {
            Commit(account, session, request, evidence.Signals, hourOfWeek, now);
        }

        session.LastTicks = now;
        return learnOnly ? null : outcome.ToDecision(evidence, enforced);
    }

    private AccountState AccountOf(AccessEvent request)
    {
        if (!_accounts.TryGetValue(request.Professional, out var account))
        {
            account = new AccountState(request.Professional);
            _accounts[request.Professional] = account;
        }

        return account;
    }

    private SessionState SessionOf(AccountState account, AccessEvent request, long now)
    {
        if (!account.Sessions.TryGetValue(request.Session, out var session))
        {
            if (account.Sessions.Count >= 16)
            {
                EvictIdleSessions(account, now);
            }

            session = new SessionState(request.Session, now, NetworkKey.Of(request.ClientIp), DetectionHash.UserAgentFamily(request.UserAgent))
            {
                IpText = request.ClientIp,
                UserAgentText = request.UserAgent,
            };
            account.Sessions[request.Session] = session;
            return session;
        }

        if (!string.Equals(session.IpText, request.ClientIp, StringComparison.Ordinal))
        {
            session.Network = NetworkKey.Of(request.ClientIp);
            session.IpText = request.ClientIp;
        }

        if (!string.Equals(session.UserAgentText, request.UserAgent, StringComparison.Ordinal))
        {
            session.UserAgent = DetectionHash.UserAgentFamily(request.UserAgent);
            session.UserAgentText = request.UserAgent;
        }

        return session;
    }

    private void EvictIdleSessions(AccountState account, long now)
    {
        var idle = now - _options.SessionIdle.Ticks;
        List<string>? gone = null;
        foreach (var (id, s) in account.Sessions)
        {
            if (s.LastTicks < idle)
            {
                (gone ??= []).Add(id);
            }
        }

        foreach (var id in gone ?? [])
        {
            account.Sessions.Remove(id);
        }
    }

    /// <summary>Decides the level from the evidence and the session's step-up and throttle state.</summary>
    private Outcome Choose(AccountState account, SessionState session, Weighed evidence, long now)
    {
        var enforced = !_options.ReportOnly;
        if (evidence.RateExceeded)
        {
            return Throttle(account, session, [RiskReasons.Rate, .. evidence.Reasons()], TimeSpan.FromTicks(evidence.RetryAfterTicks), now, stepUpIgnored: false);
        }

        if (session.PendingSince is not null)
        {
            var refused = session.RefusedWhilePending ??= new Queue<long>();
            refused.Enqueue(now);
            while (refused.Peek() <= now - (10 * TimeSpan.TicksPerMinute))
            {
                refused.Dequeue();
            }

            if (refused.Count >= _options.IgnoredStepUpRequests)
            {
                return Throttle(account, session, [RiskReasons.StepUpIgnored, .. session.PendingReasons], TimeSpan.FromMinutes(1), now, stepUpIgnored: true);
            }

            // A professional answers a step-up within a request or two; a session that keeps asking without doing so is
            // counted as ramping up, for the regional circuit breaker.
            var alerts = refused.Count == RampingAfterRefusals ? Ramping(account, now) : null;
            return new Outcome(RiskLevel.StepUp, [RiskReasons.StepUpPending, .. session.PendingReasons], null, Alerts: alerts);
        }

        if (!session.Passed && evidence.Total >= _options.OverwhelmingScore)
        {
            return SuspendSession(account, session, [RiskReasons.Overwhelming, .. evidence.Reasons()], now);
        }

        if (evidence.Total >= evidence.Threshold && evidence.Behaviour >= _options.MinBehaviourForStepUp)
        {
            var reasons = evidence.Reasons();
            if (evidence.Total < evidence.Threshold - session.Cleared + ((1 - _options.BreakerSensitivity) * _options.StepUpScore) && evidence.Context >= 0.5 && _region.BreakerTripped(now))
            {
                reasons.Add(RiskReasons.CircuitBreaker);
            }

            if (!enforced)
            {
                // Report-only: nobody is asked, so count the step-up as passed and carry on measuring.
                session.Passed = true;
                session.Cleared = evidence.Total;
                return new Outcome(RiskLevel.StepUp, reasons, null);
            }

            session.PendingSince = now;
            session.PendingReasons = reasons;
            session.UnansweredAlerted = false;
            account.Today.PendingStepUps++;
            AwaitStepUp(account, session);
            return new Outcome(RiskLevel.StepUp, reasons, null);
        }

        return Outcome.Allow;
    }

    private Outcome Throttle(AccountState account, SessionState session, List<string> reasons, TimeSpan retryAfter, long now, bool stepUpIgnored)
    {
        account.Today.Hard = true;
        if (!_options.ReportOnly)
        {
            session.ThrottledUntil = now + retryAfter.Ticks;
            session.RequestsWhileThrottled = 0;
            session.ThrottleReasons = reasons;
        }

        List<RiskAlert>? alerts = null;
        if (stepUpIgnored)
        {
            TaintNetwork(account, session, now);
            alerts = Ramping(account, now);
        }

        return new Outcome(RiskLevel.Throttle, reasons, null, retryAfter, alerts);
    }

    private RiskDecision StillThrottled(AccountState account, SessionState session, AccessEvent request, long now)
    {
        if (++session.RequestsWhileThrottled >= _options.IgnoredThrottleRequests)
        {
            var outcome = SuspendSession(account, session, [RiskReasons.ThrottleIgnored, .. session.ThrottleReasons], now);
            session.LastTicks = now;
            return outcome.ToDecision(null, !_options.ReportOnly);
        }

        session.LastTicks = now;
        return new RiskDecision(RiskLevel.Throttle, session.ThrottleReasons, RiskScores.None, TimeSpan.FromTicks(session.ThrottledUntil - now), true, NoChanges, NoAlerts);
    }

    private static RiskDecision Held(RiskLevel level, string reason, ContainmentChange hold) =>
        new(level, [reason, .. hold.Reasons], RiskScores.None, null, hold.Enforced, NoChanges, NoAlerts);
}
