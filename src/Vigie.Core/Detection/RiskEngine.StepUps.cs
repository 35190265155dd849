using Vigie.Core.Access;

namespace Vigie.Core.Detection;

public sealed partial class RiskEngine
{
    // Sessions asked to step up, until they pass it, are contained, or have been alerted on. Kept apart so that a
    // review looks at a handful of sessions, not at every session of the region.
    private readonly List<(AccountState Account, SessionState Session)> _awaitingStepUp = [];

    /// <summary>
    /// Scoring between requests: alerts on every session whose step-up has gone unanswered for
    /// <see cref="DetectionOptions.StepUpUnansweredAlert"/> at <paramref name="now"/>, once per step-up. An intruder who
    /// cannot pass a step-up usually just stops; without this alert the patients the session received before it
    /// would stay out of any incident opened from the alerts. A suspended session has had its alert.
    /// </summary>
    public IReadOnlyList<RiskAlert> ReviewStepUps(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_awaitingStepUp.Count == 0)
            {
                return NoAlerts;
            }

            var due = now.UtcTicks - _options.StepUpUnansweredAlert.Ticks;
            List<RiskAlert>? alerts = null;
            _awaitingStepUp.RemoveAll(waiting =>
            {
                var (account, session) = waiting;
                if (session.PendingSince is not { } since || session.UnansweredAlerted || Contained(account, session))
                {
                    return true;
                }

                if (since > due)
                {
                    return false;
                }

                session.UnansweredAlerted = true;
                (alerts ??= []).Add(new RiskAlert(RiskAlertKind.StepUpUnanswered, account.Professional, session.Id, now,
                    [RiskReasons.StepUpUnanswered, .. session.PendingReasons]));
                return true;
            });

            return alerts ?? NoAlerts;
        }
    }

    /// <summary>
    /// Takes in a step-up another node asked of a session (learnt from the journal's risk refusals, decision 0010):
    /// from then on this node too refuses the session until a token authenticated after <paramref name="at"/>, so an
    /// intruder cannot walk round a step-up by sending the next request to another node. Ignored when this node does
    /// not know the session (it judges its first request itself), when a step-up is already pending here, or in
    /// report-only mode. True when the session became pending.
    /// </summary>
    public bool ShareStepUp(NationalId professional, string session, DateTimeOffset at, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reasons);
        lock (_gate)
        {
            if (_options.ReportOnly || !_accounts.TryGetValue(professional, out var account) || !account.Sessions.TryGetValue(session, out var state)
                || state.PendingSince is not null)
            {
                return false;
            }

            state.PendingSince = at.UtcTicks;
            state.PendingReasons = reasons;
            state.UnansweredAlerted = false;
            account.Today.PendingStepUps++;
            AwaitStepUp(account, state);
            return true;
        }
    }

    private void AwaitStepUp(AccountState account, SessionState session)
    {
        // Replay and the simulator never review: keep the list to the sessions still waiting.
        if (_awaitingStepUp.Count >= 4096)
        {
            _awaitingStepUp.RemoveAll(w => w.Session.PendingSince is null || w.Session.UnansweredAlerted);
        }

        _awaitingStepUp.Add((account, session));
    }

    // Only the session's own suspension counts: an account suspension's alert names one session, and another session
    // of the account left waiting for its step-up must still be named.
    private bool Contained(AccountState account, SessionState session) =>
        _containment.Session(account.Professional, session.Id) is not null;
}
