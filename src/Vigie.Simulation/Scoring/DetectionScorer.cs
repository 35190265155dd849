using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Scoring;

/// <summary>
/// Scores decisions against ground truth, with exactly the definitions. Exposure of an attacker session:
/// the distinct patients disclosed by its allowed requests before its first non-allow decision (an attacker cannot
/// pass a step-up, so a session stepped up, throttled or blocked is over). Friction: per legitimate user-day, at
/// least one step-up; at least one throttle or block.
/// </summary>
public sealed class DetectionScorer
{
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<string, AttackLabel> _labels;
    private readonly HashSet<NationalId> _victims;
    private readonly Dictionary<string, AttackState> _attacks = new(StringComparer.Ordinal);
    private readonly Dictionary<(NationalId, DateOnly), (bool StepUp, bool Hard)> _days = [];

    /// <summary>Creates a scorer for a trace whose attacker sessions are <paramref name="labels"/>.</summary>
    /// <param name="labels">The attacker sessions.</param>
    /// <param name="zone">The region's time zone: user-days are local calendar days.</param>
    public DetectionScorer(IReadOnlyList<AttackLabel> labels, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _zone = zone;
        _labels = labels.ToDictionary(l => l.Session, StringComparer.Ordinal);
        _victims = [.. labels.Select(l => l.Professional)];
    }

    /// <summary>Scores one request and the decision taken on it.</summary>
    public void Add(AccessEvent request, RiskLevel decision)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_labels.TryGetValue(request.Session, out var label) && label.Professional == request.Professional)
        {
            if (!_attacks.TryGetValue(request.Session, out var attack))
            {
                attack = new AttackState(label, request.Time);
                _attacks[request.Session] = attack;
            }

            attack.Requests++;
            if (attack.FirstDecision is not null)
            {
                return;
            }

            if (decision == RiskLevel.Allow)
            {
                foreach (var p in request.Patients)
                {
                    attack.Disclosed.Add(p.Value);
                }
            }
            else
            {
                attack.FirstDecision = Name(decision);
                attack.ContainedAt = request.Time;
            }

            return;
        }

        var key = (request.Professional, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Time, _zone).DateTime));
        var (stepUp, hard) = _days.GetValueOrDefault(key);
        _days[key] = (stepUp || decision == RiskLevel.StepUp, hard || decision >= RiskLevel.Throttle);
    }

    /// <summary>Scores a decision named as in the replay output (allow, step-up, throttle, block).</summary>
    public void Add(AccessEvent request, string decision) => Add(request, decision switch
    {
        "allow" => RiskLevel.Allow,
        "step-up" => RiskLevel.StepUp,
        "throttle" => RiskLevel.Throttle,
        "block" => RiskLevel.SuspendSession,
        _ => throw new ArgumentException("a decision is allow, step-up, throttle or block", nameof(decision)),
    });

    /// <summary>The score so far. Labelled sessions that sent no request are not counted.</summary>
    public DetectionScore Result()
    {
        var sessions = _attacks.Values
            .OrderBy(a => a.Start).ThenBy(a => a.Label.Session, StringComparer.Ordinal)
            .Select(a => new AttackSessionScore(a.Label, a.Start, a.Disclosed.Count, a.ContainedAt - a.Start, a.FirstDecision, a.Requests))
            .ToList();
        var playbooks = Playbook.All.Concat(sessions.Select(s => s.Label.Playbook)).Distinct(StringComparer.Ordinal)
            .Select(name => (name, of: sessions.Where(s => s.Label.Playbook == name).ToList()))
            .Where(x => x.of.Count > 0)
            .Select(x => new PlaybookScore(
                x.name,
                x.of.Count,
                DetectionScore.Median(x.of.Select(s => (double)s.Exposure)),
                x.of.Max(s => s.Exposure),
                x.of.Sum(s => s.Exposure),
                x.of.Any(s => s.TimeToContainment is not null)
                    ? TimeSpan.FromTicks((long)DetectionScore.Median(x.of.Where(s => s.TimeToContainment is not null).Select(s => (double)s.TimeToContainment!.Value.Ticks)))
                    : null,
                x.of.Count(s => s.TimeToContainment is null)))
            .ToList();
        var victimDays = _days.Where(d => _victims.Contains(d.Key.Item1)).Select(d => d.Value).ToList();
        var friction = new FrictionScore(
            _days.Count, _days.Values.Count(d => d.StepUp), _days.Values.Count(d => d.Hard),
            victimDays.Count, victimDays.Count(d => d.StepUp), victimDays.Count(d => d.Hard));
        return new DetectionScore(sessions, playbooks, friction);
    }

    private static string Name(RiskLevel level) => level switch
    {
        RiskLevel.StepUp => "step-up",
        RiskLevel.Throttle => "throttle",
        _ => "block",
    };

    private sealed class AttackState(AttackLabel label, DateTimeOffset start)
    {
        public AttackLabel Label { get; } = label;

        public DateTimeOffset Start { get; } = start;

        public HashSet<string> Disclosed { get; } = new(StringComparer.Ordinal);

        public int Requests;

        public string? FirstDecision;

        public DateTimeOffset? ContainedAt;
    }
}
