using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Core.Detection;
using Vigie.Simulation;
using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Region;
using Vigie.Simulation.Replay;
using Vigie.Simulation.Scoring;
using Vigie.Simulation.Trace;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `detection`: simulates a region (every role's ordinary days and every attack playbook), replays it through the
/// risk engine in virtual time with simulated people answering (legitimate users pass step-ups, attackers do not, a
/// security officer releases suspended accounts after a review delay), and records per playbook exposure and time
/// to containment, legitimate friction, per-decision latency and replay speed.
/// Usage: detection [--days 30] [--professionals 500] [--patients 50000] [--seed 42] [--more-seeds 7,2026] [--attacks 3]
/// [--review 4] [--thresholds FILE] [--out docs/benchmarks.md] [--no-write] [--diagnose] [--follow PLAYBOOK]. Further seeds are scored too
/// (one summary row each) so that the table is not one lucky draw; timings come from the first seed's run.
/// </summary>
internal static class DetectionScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var options = new RegionOptions
        {
            Days = IntArg(args, "--days", 30),
            Professionals = IntArg(args, "--professionals", 500),
            Patients = IntArg(args, "--patients", 50_000),
            Seed = IntArg(args, "--seed", 42),
        };
        var attacks = IntArg(args, "--attacks", 3);
        var reviewHours = IntArg(args, "--review", 4);
        var output = args.Contains("--no-write") ? null : StringArg(args, "--out", "docs/benchmarks.md");

        var clock = Stopwatch.StartNew();
        var region = RegionBuilder.Build(options);
        var simulator = new TraceSimulator(region, Playbook.All, attacks);
        var events = simulator.Events().ToList();
        Log($"simulated {events.Count:N0} requests of {options.Professionals} professionals over {options.Days} days, {simulator.Labels.Count} attacker sessions, in {clock.Elapsed.TotalSeconds:F1} s");

        var detection = EngineOptions(args, region.TimeZone);
        var attackers = simulator.Labels.Select(l => l.Session).ToHashSet(StringComparer.Ordinal);
        var environment = new ReplayEnvironment(new RiskEngine(detection), region, attackers, reviewHours > 0 ? TimeSpan.FromHours(reviewHours) : null);
        var scorer = new DetectionScorer(simulator.Labels, region.TimeZone);
        var diagnosis = args.Contains("--diagnose") || args.Contains("--follow") ? new DetectionDiagnosis(region.TimeZone, attackers) : null;
        foreach (var label in simulator.Labels.Where(l => l.Playbook == StringArg(args, "--follow", null)))
        {
            diagnosis!.Followed.Add(label.Session);
        }

        var latencies = new double[events.Count];
        var levels = new int[5];
        for (var i = 0; i < events.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var decision = environment.Decide(events[i].Access);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            scorer.Add(events[i].Access, decision.Level);
            levels[(int)decision.Level]++;
            diagnosis?.Add(events[i], decision);
        }

        diagnosis?.Print();

        Array.Sort(latencies);
        var p50 = Percentiles.Of([.. latencies], 50);
        var p99 = Percentiles.Of([.. latencies], 99);
        var score = scorer.Result();
        Log($"decisions: {string.Join(", ", Enum.GetValues<RiskLevel>().Select(l => $"{l} {levels[(int)l]:N0}"))}; officer releases {environment.Releases}");

        var engineRate = EngineOnly(events, region, detection);
        var (fileRate, fileLines) = ThroughFiles(events, region, detection);
        Print(score);
        Log($"latency p50 {p50:F4} ms p99 {p99:F4} ms max {latencies[^1]:F3} ms; engine replay {engineRate:N0} events/s; file replay {fileRate:N0} lines/s ({fileLines:N0})");

        var seeds = new List<(int Seed, DetectionScore Score)> { (options.Seed, score) };
        foreach (var more in (StringArg(args, "--more-seeds", null) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var seed = int.Parse(more, Inv);
            seeds.Add((seed, Score(options with { Seed = seed }, attacks, reviewHours, args)));
            Log($"seed {seed}: median {seeds[^1].Score.MedianExposureAcrossPlaybooks:F1}, worst {seeds[^1].Score.WorstExposure}, {seeds[^1].Score.Friction}");
        }

        if (seeds.Count > 1)
        {
            var pooled = FrictionScore.Pool(seeds.Select(x => x.Score.Friction));
            Log($"pooled over {seeds.Count} seeds: {pooled.UserDays:N0} user-days, step-ups {pooled.StepUpsPer100:F2}/100, hard blocks {pooled.HardBlockDays} ({pooled.HardBlocksPer10000:F2}/10,000), bystanders {pooled.BystanderHardBlocksPer10000:F2}/10,000");
        }

        if (output is not null)
        {
            var more = StringArg(args, "--more-seeds", null);
            BenchmarkReport.Write(output, "detection", Report(options, attacks, more, reviewHours, events.Count, simulator.Labels.Count, score, p50, p99, engineRate, fileRate, levels) + Seeds(seeds) + Pooled(seeds));
            Log($"written to {output} (detection)");
        }

        return 0;
    }

    /// <summary>Simulates and scores another seed the same way (no timings).</summary>
    private static DetectionScore Score(RegionOptions options, int attacks, int reviewHours, string[] args)
    {
        var region = RegionBuilder.Build(options);
        var simulator = new TraceSimulator(region, Playbook.All, attacks);
        var attackers = simulator.Labels.Select(l => l.Session).ToHashSet(StringComparer.Ordinal);
        var environment = new ReplayEnvironment(new RiskEngine(EngineOptions(args, region.TimeZone)), region, attackers, reviewHours > 0 ? TimeSpan.FromHours(reviewHours) : null);
        var scorer = new DetectionScorer(simulator.Labels, region.TimeZone);
        foreach (var e in simulator.Events())
        {
            scorer.Add(e.Access, environment.Decide(e.Access).Level);
        }

        return scorer.Result();
    }

    /// <summary>The engine's defaults, or a thresholds file over them (`--thresholds FILE`, as `vigie replay` reads).</summary>
    public static DetectionOptions EngineOptions(string[] args, TimeZoneInfo zone)
    {
        var start = new DetectionOptions { TimeZone = zone };
        if (StringArg(args, "--thresholds", null) is not { } file)
        {
            return start;
        }

        var read = DetectionThresholds.Read(File.ReadAllText(file), start);
        return read.Success ? read.Value : throw new ArgumentException($"{file}: {read.Error}");
    }

    private static string Seeds(List<(int Seed, DetectionScore Score)> seeds)
    {
        var r = new StringBuilder();
        r.AppendLine();
        r.AppendLine("The same run with other seeds (a different region, other victims and attack days), to show the spread:");
        r.AppendLine();
        r.AppendLine("| Seed | Median exposure across playbooks | Worst session | Worst playbook (by its worst session) | Step-ups / 100 user-days | Hard blocks / 10,000 user-days (bystanders) | Sessions never contained |");
        r.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (seed, score) in seeds)
        {
            var worst = score.Playbooks.OrderByDescending(p => p.MaxExposure).First();
            var f = score.Friction;
            r.AppendLine(Inv, $"| {seed} | {score.MedianExposureAcrossPlaybooks:F1} | {score.WorstExposure} | {worst.Playbook} | {f.StepUpsPer100:F2} | {f.HardBlocksPer10000:F1} ({f.BystanderHardBlocksPer10000:F1}) | {score.Playbooks.Sum(p => p.Uncontained)} |");
        }

        return r.ToString();
    }

    /// <summary>
    /// The targets over every seed at once: friction pooled (counts added, see <see cref="FrictionScore.Pool"/>), and
    /// exposure over every seed's playbooks and sessions. Each seed is a whole region of the same size and attack
    /// density, so pooling measures the same rate on more user-days.
    /// </summary>
    private static string Pooled(List<(int Seed, DetectionScore Score)> seeds)
    {
        if (seeds.Count < 2)
        {
            return "";
        }

        var f = FrictionScore.Pool(seeds.Select(x => x.Score.Friction));
        var sessions = seeds.SelectMany(x => x.Score.Sessions).ToList();
        var median = DetectionScore.Median(sessions.GroupBy(s => s.Label.Playbook, StringComparer.Ordinal).Select(g => DetectionScore.Median(g.Select(s => (double)s.Exposure))));
        var worst = seeds.Max(x => x.Score.WorstExposure);
        var r = new StringBuilder();
        r.AppendLine();
        r.AppendLine(Inv, $"All {seeds.Count} seeds together ({string.Join(", ", seeds.Select(x => x.Seed))}; {sessions.Count} attacker sessions, friction counts added over {f.UserDays:N0} user-days). One region of about 9,000 user-days cannot resolve a rate of one in 10,000 (it allows less than one hard block), so this is the figure to compare with the friction targets; the rows above show the spread:");
        r.AppendLine();
        r.AppendLine("| Measure | Target | Measured over all seeds |");
        r.AppendLine("|---|---|---|");
        r.AppendLine(Inv, $"| Exposure, median across playbooks (each playbook's median over all its sessions) | ≤ 20 | {median:F1} {Met(median <= 20)} |");
        r.AppendLine(Inv, $"| Exposure, worst session of any playbook | ≤ 100 | {worst} {Met(worst <= 100)} |");
        r.AppendLine(Inv, $"| Legitimate hard blocks, all user-days | ≤ 1 per 10,000 user-days | {f.HardBlocksPer10000:F2} ({f.HardBlockDays} of {f.UserDays:N0}) {Met(f.HardBlocksPer10000 <= 1)} |");
        r.AppendLine(Inv, $"| Same, professionals whose account was not attacked | | {f.BystanderHardBlocksPer10000:F2} ({f.HardBlockDays - f.VictimHardBlockDays} of {f.UserDays - f.VictimUserDays:N0}) |");
        r.AppendLine(Inv, $"| Legitimate step-ups, all user-days | ≤ 1 per 100 user-days | {f.StepUpsPer100:F2} ({f.StepUpDays} of {f.UserDays:N0}) {Met(f.StepUpsPer100 <= 1)} |");
        r.AppendLine(Inv, $"| Victims' own legitimate user-days | | {f.VictimUserDays:N0}: {f.VictimStepUpDays} with a step-up, {f.VictimHardBlockDays} with a hard block |");
        return r.ToString();
    }

    /// <summary>Events per second through a fresh engine, in memory, no per-call timing.</summary>
    private static double EngineOnly(List<TraceEvent> events, SyntheticRegion region, DetectionOptions options)
    {
        var engine = new RiskEngine(options);
        var clock = Stopwatch.StartNew();
        foreach (var e in events)
        {
            engine.Decide(e.Access, region);
        }

        return events.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Lines per second of `vigie replay`'s path: parse the JSON trace, decide, write the decisions (files in memory).</summary>
    private static (double Rate, int Lines) ThroughFiles(List<TraceEvent> events, SyntheticRegion region, DetectionOptions options)
    {
        using var trace = new MemoryStream();
        using (var writer = new TraceWriter(trace))
        {
            foreach (var e in events)
            {
                writer.Write(e);
            }
        }

        trace.Position = 0;
        using var decisions = new MemoryStream();
        var clock = Stopwatch.StartNew();
        var error = TraceReplay.Run(trace, region, new RiskEngine(options), decisions);
        var seconds = clock.Elapsed.TotalSeconds;
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        return (events.Count / seconds, events.Count);
    }

    private static void Print(DetectionScore score)
    {
        foreach (var p in score.Playbooks)
        {
            Log($"{p.Playbook,-12} sessions {p.Sessions,3} exposure median {p.MedianExposure,6:F1} max {p.MaxExposure,5} total {p.TotalExposure,6} ttc {Duration(p.MedianTimeToContainment),8} uncontained {p.Uncontained}");
        }

        foreach (var s in score.Sessions.Where(s => s.Exposure > 20 || s.TimeToContainment is null || s.FirstDecision == "block"))
        {
            Log($"  {s.Label.Attack} {s.Label.Session} exposure {s.Exposure} first {s.FirstDecision ?? "none"} after {Duration(s.TimeToContainment)} ({s.Requests} requests)");
        }

        var f = score.Friction;
        Log($"friction: {f.UserDays:N0} user-days, step-up days {f.StepUpDays} ({f.StepUpsPer100:F2}/100), hard-block days {f.HardBlockDays} ({f.HardBlocksPer10000:F1}/10,000); victims {f.VictimUserDays} user-days, {f.VictimStepUpDays} step-up, {f.VictimHardBlockDays} hard");
        Log($"exposure median across playbooks {score.MedianExposureAcrossPlaybooks:F1}, worst session {score.WorstExposure}");
    }

    private static string Report(RegionOptions o, int attacks, string? moreSeeds, int reviewHours, int requests, int attackerSessions, DetectionScore score, double p50, double p99, double engineRate, double fileRate, int[] levels)
    {
        var f = score.Friction;
        var r = new StringBuilder();
        r.AppendLine("## Detection: simulated region, attack playbooks, friction, latency");
        r.AppendLine();
        r.AppendLine(Inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Machine.Describe()}; **the machine was shared with other engineers' builds and tests**, so the timings are pessimistic.");
        r.AppendLine(Inv, $"Reproduce: `dotnet run -c Release --project bench/Vigie.Benchmarks -- detection --days {o.Days} --professionals {o.Professionals} --patients {o.Patients} --seed {o.Seed} --attacks {attacks}{(moreSeeds is null ? "" : " --more-seeds " + moreSeeds)}`.");
        r.AppendLine(Inv, $"Data: `vigie simulate` region, seed {o.Seed}: {o.Professionals} professionals, {o.Patients:N0} local records, {o.Days} days, {requests:N0} requests, {attacks} attacks per playbook ({attackerSessions} attacker sessions; a staggered attack uses 10 accounts). Engine defaults (`DetectionOptions.Default`), cold start on day 1.");
        r.AppendLine(Inv, $"Replay environment: legitimate users pass step-ups at once, attackers never do; a simulated security officer releases a suspended account (and legitimate sessions) {reviewHours} h after the suspension. Decisions: {string.Join(", ", Enum.GetValues<RiskLevel>().Select(l => $"{l} {levels[(int)l]:N0}"))}.");
        r.AppendLine();
        r.AppendLine("| Playbook | Attacker sessions | Exposure per session: median | max | Time to containment (median) | Never contained |");
        r.AppendLine("|---|---|---|---|---|---|");
        foreach (var p in score.Playbooks)
        {
            r.AppendLine(Inv, $"| {p.Playbook} | {p.Sessions} | {p.MedianExposure:F1} | {p.MaxExposure} | {Duration(p.MedianTimeToContainment)} | {p.Uncontained} |");
        }

        r.AppendLine();
        r.AppendLine("| Measure | Target | Measured |");
        r.AppendLine("|---|---|---|");
        r.AppendLine(Inv, $"| Exposure, median across playbooks (of each playbook's median) | ≤ 20 | {score.MedianExposureAcrossPlaybooks:F1} {Met(score.MedianExposureAcrossPlaybooks <= 20)} |");
        r.AppendLine(Inv, $"| Exposure, worst playbook (its worst session) | ≤ 100 | {score.WorstExposure} {Met(score.WorstExposure <= 100)} |");
        r.AppendLine(Inv, $"| Legitimate hard blocks (throttle or block), all user-days | ≤ 1 per 10,000 user-days | {f.HardBlocksPer10000:F1} ({f.HardBlockDays} of {f.UserDays:N0}) {Met(f.HardBlocksPer10000 <= 1)} |");
        r.AppendLine(Inv, $"| Same, professionals whose account was not attacked | | {f.BystanderHardBlocksPer10000:F1} ({f.HardBlockDays - f.VictimHardBlockDays} of {f.UserDays - f.VictimUserDays:N0}) |");
        r.AppendLine(Inv, $"| Legitimate step-ups, all user-days | ≤ 1 per 100 user-days | {f.StepUpsPer100:F2} ({f.StepUpDays} of {f.UserDays:N0}) {Met(f.StepUpsPer100 <= 1)} |");
        r.AppendLine(Inv, $"| Same, professionals whose account was not attacked | | {f.BystanderStepUpsPer100:F2} |");
        r.AppendLine(Inv, $"| Victims' own legitimate user-days | | {f.VictimUserDays}: {f.VictimStepUpDays} with a step-up, {f.VictimHardBlockDays} with a hard block |");
        r.AppendLine(Inv, $"| In-request decision, per call, warm state (whole run) | p99 ≤ 1 ms | p50 {p50 * 1000:F1} µs, p99 {p99 * 1000:F1} µs {Met(p99 <= 1)} |");
        r.AppendLine(Inv, $"| Replay, engine only (in memory) | ≥ 100,000 events/s | {engineRate:N0} events/s {Met(engineRate >= 100_000)} |");
        r.AppendLine(Inv, $"| Replay, `vigie replay` path (parse JSON line, decide, write decision) | | {fileRate:N0} lines/s |");
        r.AppendLine();
        r.AppendLine("Exposure counts the distinct patients an attacker session obtained before its first non-allow decision; legitimate friction counts user-days (a professional's local calendar day) with at least one step-up, or at least one throttle or block. Hard blocks on victims' own days come from containing the attack on their account (an account suspended when a canary was about to be disclosed, until the simulated officer's release); they are shown apart from bystanders'. Latency is per `Decide` call inside the replay, state warm (hundreds of thousands of events in), measured with a stopwatch around each call.");
        return r.ToString();
    }

    private static string Met(bool met) => met ? "(met)" : "(**not met**)";

    private static string Duration(TimeSpan? t) => t is not { } d ? "never" : d.TotalHours >= 1 ? d.ToString(@"h\h\ mm\m", Inv) : d.TotalMinutes >= 1 ? d.ToString(@"m\m\ ss\s", Inv) : d.ToString(@"s\s", Inv);

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }

    private static string? StringArg(string[] args, string name, string? fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(message.ToString(Inv));
}
