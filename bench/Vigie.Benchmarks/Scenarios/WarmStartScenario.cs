using System.Globalization;
using Vigie.Core.Detection;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Seeding;
using Vigie.Simulation;
using Vigie.Simulation.Region;
using Vigie.Simulation.Replay;
using Vigie.Simulation.Scoring;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `detection-warm`: how much a server that learnt its history from the journal at start-up (the warm start) judges
/// like an engine that lived through that history. The region and trace are the demo's (same options, same seed);
/// the days before <c>--day</c> are history, the rest are judged and scored. Three engines judge the same live days:
/// <list type="bullet">
/// <item>replay: decided every history request itself, as `vigie replay` does;</item>
/// <item>warm (journal): learnt the history through the journal's own mapping (the seed's journal entries turned
/// back into accesses, as <c>JournalEvidence</c> does): no sweep keys, no auth_time, search disclosures as identity;</item>
/// <item>warm (full): learnt the history from the trace's own accesses, to tell what the journal loses apart from
/// what learning without judging changes.</item>
/// </list>
/// Usage: detection-warm [--day 2026-11-17] [--history-days 14] [--live-days 2] [--patients 235000]
/// [--professionals 300] [--establishments 6] [--seed 42] [--playbooks bulk,contact,night,targeted,infostealer]
/// [--thresholds FILE] [--diagnose] [--follow PLAYBOOK] [--trace-out FILE]. Prints; writes nothing but the trace asked for.
/// </summary>
internal static class WarmStartScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var day = DateOnly.Parse(Arg(args, "--day", "2026-11-17"), Inv);
        var historyDays = int.Parse(Arg(args, "--history-days", "14"), Inv);
        var liveDays = int.Parse(Arg(args, "--live-days", "2"), Inv);
        var region = RegionBuilder.Build(new RegionOptions
        {
            Seed = int.Parse(Arg(args, "--seed", "42"), Inv),
            Start = day.AddDays(-historyDays),
            Days = historyDays + liveDays,
            Patients = int.Parse(Arg(args, "--patients", "235000"), Inv),
            Professionals = int.Parse(Arg(args, "--professionals", "300"), Inv),
            Establishments = int.Parse(Arg(args, "--establishments", "6"), Inv),
        });
        var playbooks = Arg(args, "--playbooks", "bulk,contact,night,targeted,infostealer").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var simulator = TraceSimulator.StartingOn(region, playbooks, 1, 4, day);
        var events = simulator.Events().ToList();
        var cutoff = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), region.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        var attackers = simulator.Labels.Select(l => l.Session).ToHashSet(StringComparer.Ordinal);
        var history = events.Count(e => e.Access.Time < cutoff);
        Console.Error.WriteLine($"{events.Count:N0} requests, {history:N0} of history before {cutoff:O}, {simulator.Labels.Count} attacker sessions");

        if (args.Contains("--trace-out"))
        {
            using var file = File.Create(Arg(args, "--trace-out", "events.jsonl"));
            using var writer = new Vigie.Simulation.Trace.TraceWriter(file);
            events.ForEach(writer.Write);
        }

        var directory = new PatientDirectory();
        foreach (var p in region.Patients)
        {
            directory.Add(p.Id, new Vigie.Core.Identity.PatientId(p.Id));
        }

        var follow = args.Contains("--follow") ? Arg(args, "--follow", "") : null;
        var diagnose = args.Contains("--diagnose") || follow is not null;
        foreach (var mode in new[] { "replay", "warm (journal)", "warm (full)" })
        {
            var engine = new RiskEngine(DetectionScenario.EngineOptions(args, region.TimeZone));
            var environment = new ReplayEnvironment(engine, region, attackers, TimeSpan.FromHours(4));
            var scorer = new DetectionScorer(simulator.Labels, region.TimeZone);
            var diagnosis = diagnose ? new DetectionDiagnosis(region.TimeZone, attackers) : null;
            foreach (var label in simulator.Labels.Where(l => l.Playbook == follow && mode == "replay"))
            {
                diagnosis!.Followed.Add(label.Session);
            }

            var entries = new List<JournalEntry>();
            var number = 0L;
            foreach (var e in events)
            {
                if (e.Access.Time >= cutoff || mode == "replay")
                {
                    var decision = environment.Decide(e.Access);
                    if (e.Access.Time >= cutoff)
                    {
                        scorer.Add(e.Access, decision.Level);
                        diagnosis?.Add(e, decision);
                        if (diagnose && mode == "replay" && decision.Level != RiskLevel.Allow && !attackers.Contains(e.Access.Session))
                        {
                            Console.Error.WriteLine(string.Create(Inv,
                                $"  first-non-allow? {e.Access.Professional.Value} {e.Access.Session} {TimeZoneInfo.ConvertTime(e.Access.Time, region.TimeZone):MM-dd HH:mm:ss} {decision.Level} [{string.Join(",", decision.Reasons)}]"));
                        }
                    }
                }
                else if (mode == "warm (full)")
                {
                    engine.Learn(e.Access, region);
                }
                else
                {
                    entries.Clear();
                    HistoryJournal.AddEntries(e, directory, number++, entries);
                    if (JournalAccessEvents.ToEvent(entries) is { } learnt)
                    {
                        engine.Learn(learnt, region);
                    }
                }
            }

            var result = scorer.Result();
            var f = result.Friction;
            Console.Error.WriteLine(string.Create(Inv,
                $"{mode,-15}: live user-days {f.UserDays}, with a step-up {f.StepUpDays} ({f.StepUpsPer100:F2} per 100), with a hard block {f.HardBlockDays} (victims' {f.VictimHardBlockDays}); exposure {string.Join(", ", result.Playbooks.Select(p => $"{p.Playbook} {p.MaxExposure}"))}"));
            diagnosis?.Print();
        }

        return 0;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
