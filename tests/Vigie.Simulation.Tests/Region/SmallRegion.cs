using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Region;

/// <summary>A small region shared by the read-only tests: 120 professionals, a week, one attack per playbook.</summary>
internal static class SmallRegion
{
    public static readonly RegionOptions Options = new() { Seed = 20261123, Days = 10, Professionals = 120, Patients = 8_000 };

    private static readonly Lazy<SyntheticRegion> LazyRegion = new(() => RegionBuilder.Build(Options));
    private static readonly Lazy<TraceSimulator> LazySimulator = new(() => new TraceSimulator(Region, Playbook.All, 1));
    private static readonly Lazy<List<TraceEvent>> LazyEvents = new(() => [.. Simulator.Events()]);

    public static SyntheticRegion Region => LazyRegion.Value;

    public static TraceSimulator Simulator => LazySimulator.Value;

    public static List<TraceEvent> Events => LazyEvents.Value;

    public static HashSet<string> AttackerSessions => [.. Simulator.Labels.Select(l => l.Session)];

    public static IEnumerable<TraceEvent> Legitimate => Events.Where(e => !AttackerSessions.Contains(e.Access.Session));

    public static DateTime Local(TraceEvent e) => TimeZoneInfo.ConvertTime(e.Access.Time, Region.TimeZone).DateTime;
}
