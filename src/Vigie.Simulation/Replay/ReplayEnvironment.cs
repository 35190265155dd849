using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Simulation.Replay;

/// <summary>
/// The people around the engine in a simulated replay, knowing the ground truth the engine does not: a legitimate
/// professional asked to step up signs in again at once (their next requests carry a fresh auth_time), an attacker
/// cannot; and a security officer reviews each suspension after <see cref="ReviewDelay"/>, calls the professional,
/// and releases their account and their own sessions (never the attacker's). The engine's decisions are its own:
/// only the answers to them come from the labels.
/// </summary>
public sealed class ReplayEnvironment(RiskEngine engine, IPatientFacts facts, IReadOnlySet<string> attackerSessions, TimeSpan? reviewDelay)
{
    private const string Officer = "simulated-officer";

    private readonly Dictionary<string, DateTimeOffset> _signedInAgain = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(NationalId Professional, string? Session), DateTimeOffset> _reviews = new();

    /// <summary>The officer's review delay; null for no releases.</summary>
    public TimeSpan? ReviewDelay => reviewDelay;

    /// <summary>Releases made by the simulated officer.</summary>
    public int Releases { get; private set; }

    /// <summary>Decides one request as the host would, after the officer's reviews due by then.</summary>
    public RiskDecision Decide(AccessEvent request)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (_reviews.TryPeek(out var due, out var at) && at <= request.Time)
        {
            _reviews.Dequeue();
            Releases += due.Session is null
                ? engine.ReleaseAccount(due.Professional, Officer, at, includeSessions: false).Count
                : engine.ReleaseSession(due.Professional, due.Session, Officer, at) is null ? 0 : 1;
        }

        if (_signedInAgain.TryGetValue(request.Session, out var signedIn) && (request.AuthenticatedAt is null || request.AuthenticatedAt < signedIn))
        {
            request = request with { AuthenticatedAt = signedIn };
        }

        var decision = engine.Decide(request, facts);
        var attacker = attackerSessions.Contains(request.Session);
        if (decision.Level == RiskLevel.StepUp && !attacker)
        {
            // Signing in again takes a moment: the new auth_time comes after the demand.
            _signedInAgain[request.Session] = request.Time.AddSeconds(1);
        }

        if (reviewDelay is { } delay)
        {
            foreach (var change in decision.Changes)
            {
                if (change.Action == ContainmentAction.Suspend && (change.Scope == ContainmentScope.Account || !attackerSessions.Contains(change.Session!)))
                {
                    _reviews.Enqueue((change.Professional, change.Scope == ContainmentScope.Account ? null : change.Session), change.At + delay);
                }
            }
        }

        return decision;
    }
}
