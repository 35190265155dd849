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
