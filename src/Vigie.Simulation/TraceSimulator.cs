using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Region;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation;

/// <summary>
/// Simulates a region's access trace: every professional's ordinary days, with the chosen attack playbooks played
/// into it, as one stream sorted by time, plus the labels of the attacker sessions. Deterministic for a seed.
/// </summary>
public sealed class TraceSimulator
{
    private readonly SyntheticRegion _region;
    private readonly RequestBuilder _requests;
    private readonly List<TraceEvent> _attackEvents = [];
    private readonly List<AttackLabel> _labels = [];

    /// <summary>Plans the attacks (their requests are generated at once; ordinary days as they are enumerated).</summary>
    /// <param name="region">The region.</param>
    /// <param name="playbooks">Playbook names (<see cref="Playbook.All"/> for all).</param>
    /// <param name="attacksPerPlaybook">Attacks per playbook (a staggered attack uses ten accounts).</param>
    public TraceSimulator(SyntheticRegion region, IReadOnlyList<string> playbooks, int attacksPerPlaybook)
        : this(region, kit => AttackPlanner.Plan(region, kit, Checked(playbooks), CheckedCount(attacksPerPlaybook)))
    {
    }

    private TraceSimulator(SyntheticRegion region, Func<AttackerKit, IEnumerable<Attack>> plan)
    {
        ArgumentNullException.ThrowIfNull(region);
        _region = region;
        _requests = new RequestBuilder(region);
        var kit = new AttackerKit(region, _requests, region.Options.Seed);
        foreach (var attack in plan(kit))
        {
            attack.Generate(_attackEvents, _labels);
        }

        _attackEvents.Sort((a, b) => a.Access.Time.CompareTo(b.Access.Time));
    }

    /// <summary>
    /// The demo's trace: ordinary days over the whole period and, on its last day, the September 2025 pattern
    /// (<see cref="Playbook.September"/>) played with <paramref name="usurpedAccounts"/> accounts.
    /// </summary>
    public static TraceSimulator SeptemberDay(SyntheticRegion region, int usurpedAccounts)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfLessThan(usurpedAccounts, 1);
        var day = region.Options.Start.AddDays(region.Options.Days - 1);
        var random = new SimRandom(SimRandom.Derive(region.Options.Seed, 7_000, RegionStreams.Attack));
        return new TraceSimulator(region, kit => [new SeptemberHarvest(kit, day, SeptemberHarvest.DrawVictims(region, usurpedAccounts, random), random)]);
    }

    /// <summary>
    /// A live play: ordinary days over the whole period and every chosen attack starting on
    /// <paramref name="startDay"/>, so that a server can be shown each playbook in a short period.
    /// </summary>
    /// <param name="region">The region; its period must cover <paramref name="startDay"/> and the playbooks' spans.</param>
    /// <param name="playbooks">Playbook names, from <see cref="Playbook.Live"/>.</param>
    /// <param name="attacksPerPlaybook">Attacks per playbook.</param>
    /// <param name="usurpedAccounts">Accounts used by the September pattern.</param>
    /// <param name="startDay">The day every attack starts.</param>
    public static TraceSimulator StartingOn(SyntheticRegion region, IReadOnlyList<string> playbooks, int attacksPerPlaybook, int usurpedAccounts, DateOnly startDay)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfLessThan(usurpedAccounts, 1);
        return new TraceSimulator(region, kit => AttackPlanner.Plan(region, kit, Checked(playbooks), CheckedCount(attacksPerPlaybook), startDay, usurpedAccounts));
    }

    private static IReadOnlyList<string> Checked(IReadOnlyList<string> playbooks)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        return playbooks;
    }

    private static int CheckedCount(int attacksPerPlaybook)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attacksPerPlaybook);
        return attacksPerPlaybook;
    }

    /// <summary>The region simulated.</summary>
    public SyntheticRegion Region => _region;

    /// <summary>One label per attacker session.</summary>
    public IReadOnlyList<AttackLabel> Labels => _labels;

    /// <summary>The trace, sorted by time (ties keep a fixed order), generated day by day.</summary>
    public IEnumerable<TraceEvent> Events()
    {
        var legit = new LegitimateDay(_region, _requests);
        var memories = _region.Professionals.Select(_ => new ProfessionalMemory()).ToArray();
        var pending = new List<(TraceEvent Line, long Order)>();
        var order = 0L;
        var nextAttack = 0;
        var options = _region.Options;
        for (var d = 0; d < options.Days; d++)
        {
            var date = options.Start.AddDays(d);
            var day = new List<TraceEvent>();
            foreach (var p in _region.Professionals)
            {
                legit.Generate(p, date, memories[p.Index], day);
            }

            pending.AddRange(day.Select(e => (e, order++)));
            var cutoff = d == options.Days - 1 ? DateTimeOffset.MaxValue : LocalTime.ToUtc(LocalTime.At(date.AddDays(1), 0), _region.TimeZone);
            while (nextAttack < _attackEvents.Count && _attackEvents[nextAttack].Access.Time < cutoff)
            {
                pending.Add((_attackEvents[nextAttack++], order++));
            }

            pending.Sort((a, b) => a.Line.Access.Time != b.Line.Access.Time ? a.Line.Access.Time.CompareTo(b.Line.Access.Time) : a.Order.CompareTo(b.Order));
            var emitted = 0;
            while (emitted < pending.Count && pending[emitted].Line.Access.Time < cutoff)
            {
                yield return pending[emitted++].Line;
            }

            pending.RemoveRange(0, emitted);
        }
    }
}
