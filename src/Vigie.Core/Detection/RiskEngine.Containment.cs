namespace Vigie.Core.Detection;

public sealed partial class RiskEngine
{
    /// <summary>
    /// A canary in the request's patients. About to be disclosed: suspend the session and the account at once, and
    /// alert. In a request refused anyway (its session waits for a step-up it has not passed), nothing would be
    /// disclosed: the session is certainly hostile and is suspended, with the canary alert, but the account's owner,
    /// who may be working beside it, is not locked out for a disclosure that did not happen.
    /// </summary>
    private RiskDecision Canary(AccountState account, SessionState session, AccessEvent request, long now)
    {
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var enforced = !_options.ReportOnly;
        var disclosed = session.PendingSince is null;
        IReadOnlyList<string> reasons = disclosed ? [RiskReasons.Canary] : [RiskReasons.Canary, RiskReasons.StepUpPending];
        var changes = new List<ContainmentChange>(2);
        var sessionHold = new ContainmentChange(ContainmentScope.Session, ContainmentAction.Suspend, account.Professional, session.Id, at, reasons, ContainmentChange.Engine, enforced);
        var accountHold = sessionHold with { Scope = ContainmentScope.Account, Session = null };
        foreach (var change in disclosed ? new[] { sessionHold, accountHold } : [sessionHold])
        {
            if (_containment.Apply(change))
            {
                changes.Add(change);
            }
        }

        var alerts = new List<RiskAlert>
        {
            new(RiskAlertKind.Canary, account.Professional, session.Id, at, reasons),
            disclosed
                ? new(RiskAlertKind.AccountSuspended, account.Professional, session.Id, at, reasons)
                : new(RiskAlertKind.SessionSuspended, account.Professional, session.Id, at, reasons),
        };
        account.Today.Hard = true;
        TaintNetwork(account, session, now);
        alerts.AddRange(Ramping(account, now) ?? []);
        session.LastTicks = now;
        return new RiskDecision(disclosed ? RiskLevel.SuspendAccount : RiskLevel.SuspendSession, reasons, RiskScores.None, null, enforced, changes, alerts);
    }

    /// <summary>Suspends a session; the account too when this is its n-th session suspension within 24 h.</summary>
    private Outcome SuspendSession(AccountState account, SessionState session, List<string> reasons, long now)
    {
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var enforced = !_options.ReportOnly;
        var changes = new List<ContainmentChange>(2);
        var alerts = new List<RiskAlert>(2);
        var hold = new ContainmentChange(ContainmentScope.Session, ContainmentAction.Suspend, account.Professional, session.Id, at, reasons, ContainmentChange.Engine, enforced);
        if (_containment.Apply(hold))
        {
            changes.Add(hold);
            alerts.Add(new RiskAlert(RiskAlertKind.SessionSuspended, account.Professional, session.Id, at, reasons));
        }

        account.Today.Hard = true;
        TaintNetwork(account, session, now);
        alerts.AddRange(Ramping(account, now) ?? []);

        var suspensions = account.SessionSuspensions;
        suspensions.Add(now);
        suspensions.RemoveAll(t => t <= now - TimeSpan.TicksPerDay);
        if (suspensions.Count < _options.SessionSuspensionsForAccount)
        {
            return new Outcome(RiskLevel.SuspendSession, reasons, changes, null, alerts);
        }

        List<string> accountReasons = [RiskReasons.RepeatedSessionSuspensions, .. reasons];
        var accountHold = hold with { Scope = ContainmentScope.Account, Session = null, Reasons = accountReasons };
        if (_containment.Apply(accountHold))
        {
            changes.Add(accountHold);
            alerts.Add(new RiskAlert(RiskAlertKind.AccountSuspended, account.Professional, session.Id, at, accountReasons));
        }

        return new Outcome(RiskLevel.SuspendAccount, accountReasons, changes, null, alerts);
    }

    /// <summary>Counts the account as ramping up; an alert when that trips the regional circuit breaker.</summary>
    private List<RiskAlert>? Ramping(AccountState account, long now)
    {
        var o = _options;
        return _region.MarkRamping(account.Professional, now, o.BreakerWindow.Ticks, o.BreakerAccounts, o.BreakerHold.Ticks)
            ? [new RiskAlert(RiskAlertKind.CircuitBreaker, account.Professional, null, new DateTimeOffset(now, TimeSpan.Zero), [RiskReasons.CircuitBreaker])]
            : null;
    }

    /// <summary>Marks the session's /24 for other accounts, unless the account itself or its establishment works from it:
    /// an intruder on a hospital workstation must not make every colleague step up.</summary>
    private void TaintNetwork(AccountState account, SessionState session, long now)
    {
        var subnet = session.Network.Subnet;
        if (subnet != 0 && !account.Profile.Subnets.Contains(subnet) && !_region.IsEstablishmentSubnet(account.Establishment, subnet))
        {
            _region.Taint(subnet, now + _options.TaintDuration.Ticks, account.Professional);
        }
    }
}
