using Vigie.Simulation.Trace;

namespace Vigie.Demo;

/// <summary>
/// What the demo's client side saw. An attacker session's exposure as issue 5 scores it is the distinct patients it
/// received before its first non-allow answer (it cannot pass a step-up); the demo's attacker script nonetheless
/// keeps trying until it is suspended, and everything it received in total is kept too (what the incident scope
/// must find). Legitimate friction is counted per user-day, step-ups apart from throttles and suspensions.
/// </summary>
internal sealed class DemoScore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AttackerSession> _attackers;
    private readonly HashSet<string> _legitActive = new(StringComparer.Ordinal);
    private readonly HashSet<string> _legitStepUps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _legitHardBlocks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _legitPolicySteps = new(StringComparer.Ordinal);

    public DemoScore(IEnumerable<AttackLabel> labels)
    {
        _attackers = labels.ToDictionary(l => l.Session, l => new AttackerSession(l.Session, l.Professional.Value, l.Playbook), StringComparer.Ordinal);
    }

    public sealed class AttackerSession(string session, string victim, string playbook)
    {
        public string Playbook => playbook;

        public string Session => session;

        public string Victim => victim;

        /// <summary>Every patient the session received, before and after its first containment.</summary>
        public HashSet<string> Disclosed { get; } = new(StringComparer.Ordinal);

        /// <summary>Patients received before the first non-allow answer: issue 5's exposure.</summary>
        public int ExposureBeforeContainment { get; set; }

        public int Requests { get; set; }

        public DateTimeOffset? FirstRequest { get; set; }

        public DateTimeOffset? ContainedAt { get; set; }

        public DemoAnswer? ContainedBy { get; set; }

        /// <summary>When the session or account was suspended: the attacker's script gives up.</summary>
        public DateTimeOffset? SuspendedAt { get; set; }

        public DemoAnswer? SuspendedBy { get; set; }

        public bool Contained => ContainedBy is not null;

        public bool Over => SuspendedBy is not null;
    }

    public long Requests { get; private set; }

    public long AttackRequests { get; private set; }

    public long Failures { get; private set; }

    public bool IsAttacker(string session) => _attackers.ContainsKey(session);

    /// <summary>True when the session is an attacker's that has been suspended (its script gives up; later lines are not sent).</summary>
    public bool IsOver(string session)
    {
        lock (_gate)
        {
            return _attackers.TryGetValue(session, out var a) && a.Over;
        }
    }

    /// <summary>Records an answer; returns the attacker session when this answer contained or suspended it (first time each).</summary>
    public AttackerSession? Record(TraceEvent line, DemoAnswer answer, IReadOnlyList<string> disclosed)
    {
        ArgumentNullException.ThrowIfNull(line);
        var a = line.Access;
        lock (_gate)
        {
            Requests++;
            Failures += answer == DemoAnswer.Failed ? 1 : 0;
            if (_attackers.TryGetValue(a.Session, out var attacker))
            {
                AttackRequests++;
                attacker.Requests++;
                attacker.FirstRequest ??= a.Time;
                if (answer == DemoAnswer.Served)
                {
                    attacker.Disclosed.UnionWith(disclosed);
                    attacker.ExposureBeforeContainment = attacker.Contained ? attacker.ExposureBeforeContainment : attacker.Disclosed.Count;
                    return null;
                }

                if (answer.IsContainment() && !attacker.Contained)
                {
                    attacker.ContainedBy = answer;
                    attacker.ContainedAt = a.Time;
                    MarkSuspended(attacker, answer, a.Time);
                    return attacker;
                }

                return MarkSuspended(attacker, answer, a.Time) ? attacker : null;
            }

            var day = a.Professional.Value + "|" + DateOnly.FromDateTime(a.Time.UtcDateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            _legitActive.Add(a.Professional.Value);
            if (answer == DemoAnswer.StepUp)
            {
                _legitStepUps.Add(day);
            }
            else if (answer == DemoAnswer.PolicyStepUp)
            {
                _legitPolicySteps.Add(day);
            }
            else if (answer.IsContainment())
            {
                _legitHardBlocks.Add(day);
            }

            return null;
        }
    }

    private static bool MarkSuspended(AttackerSession attacker, DemoAnswer answer, DateTimeOffset at)
    {
        if (attacker.Over || answer is not (DemoAnswer.SessionSuspended or DemoAnswer.AccountSuspended))
        {
            return false;
        }

        attacker.SuspendedBy = answer;
        attacker.SuspendedAt = at;
        return true;
    }

    public IReadOnlyList<AttackerSession> Attackers()
    {
        lock (_gate)
        {
            return [.. _attackers.Values.Where(s => s.FirstRequest is not null).OrderBy(s => s.FirstRequest)];
        }
    }

    /// <summary>Legitimate professionals: active, user-days with a detection step-up or a hard block, undisturbed by detection, and user-days with a policy re-sign-in.</summary>
    public (int Active, int SteppedUp, int HardBlocked, int Undisturbed, int PolicySteps) Legitimate()
    {
        lock (_gate)
        {
            var disturbed = _legitStepUps.Concat(_legitHardBlocks).Select(d => d.Split('|')[0]).ToHashSet(StringComparer.Ordinal);
            return (_legitActive.Count, _legitStepUps.Count, _legitHardBlocks.Count, _legitActive.Count(p => !disturbed.Contains(p)), _legitPolicySteps.Count);
        }
    }
}
