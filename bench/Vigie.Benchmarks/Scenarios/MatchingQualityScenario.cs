using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Registry;
using Vigie.Simulation.Identities;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// Issue 2's matching-quality target (F1 ≥ 0.99 on the generated set) without a database: the in-memory matcher
/// path, from generation to F1, in seconds at 100,000 identities. The model is the registry's bootstrap model
/// (EM on its own seeded synthetic population, as a fresh server uses), so the figures are those of the server.
/// Usage: matching-quality [--identities N] [--seed S] [--diagnose K] [--out docs/benchmarks.md | --no-write]
/// `--diagnose K` prints the K most frequent disagreement patterns of the false positives and negatives: comparison
/// levels, ground-truth corruptions and whether a homonym is involved, never a name or a date.
/// </summary>
internal static class MatchingQualityScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var n = ScenarioArgs.Int(args, "--identities", 100_000);
        var seed = ScenarioArgs.Int(args, "--seed", 42);
        var diagnose = ScenarioArgs.Int(args, "--diagnose", 0);
        var output = ScenarioArgs.String(args, "--out", "docs/benchmarks.md")!;
        var write = !ScenarioArgs.Flag(args, "--no-write");
        var total = Stopwatch.StartNew();

        var generator = new SyntheticIdentityGenerator(seed, new DateOnly(2026, 1, 1), SyntheticIdentityOptions.Default with { InsKind = InsKind.Demo });
        var records = generator.GenerateBatch(n);
        Log($"generated {records.Length:N0} records in {total.Elapsed.TotalSeconds:F1} s");

        var (model, trainingPairs, trainingRecords) = ModelEstimation.EstimateOnSyntheticPopulation(seed: 20250901);
        Log($"bootstrap model: EM on {trainingRecords:N0} synthetic records, {trainingPairs:N0} pairs, {model.Iterations} iterations");

        var scanTime = Stopwatch.StartNew();
        var matchRecords = new MatchRecord[records.Length];
        Parallel.For(0, records.Length, i => matchRecords[i] = MatchRecord.From(records[i].Traits));
        var scan = DuplicateScanner.Scan(matchRecords, model, MatchThresholds.Default, Environment.ProcessorCount, null, CancellationToken.None);
        Log($"scan: {scan.ComparedPairs:N0} pairs compared in {scanTime.Elapsed.TotalSeconds:F1} s");

        // As deployed, two qualified identities with different INS numbers are never queued nor linked (decision 0003).
        bool DifferentIns(ScoredPair p) => records[p.First].Ins is { } x && records[p.Second].Ins is { } y && x != y;
        var figures = new[]
        {
            Row("grade ≥ probable", scan.Pairs.Where(p => p.Score.Grade >= MatchGrade.Probable)),
            Row("grade certain", scan.Pairs.Where(p => p.Score.Grade == MatchGrade.Certain)),
            Row("grade ≥ probable, different INS never paired", scan.Pairs.Where(p => p.Score.Grade >= MatchGrade.Probable && !DifferentIns(p))),
            Row("grade certain, different INS never paired", scan.Pairs.Where(p => p.Score.Grade == MatchGrade.Certain && !DifferentIns(p))),
        };

        (string Name, LinkageScore Score) Row(string name, IEnumerable<ScoredPair> pairs)
        {
            var score = LinkageEvaluation.Evaluate(records, pairs.Select(p => (p.First, p.Second)));
            Log($"{name}: F1 {score.F1:F4} (precision {score.Precision:F4}, recall {score.Recall:F4})");
            return (name, score);
        }

        if (diagnose > 0)
        {
            MatchingDiagnosis.Print(records, matchRecords, model.ForRegisterSize(records.Length), scan, diagnose);
        }

        if (!write)
        {
            return 0;
        }

        var persons = records.Select(r => r.PersonKey).Distinct().Count();
        var report = new StringBuilder();
        report.AppendLine(Inv, $"## Matching quality at {n:N0} identities (in memory, no database)");
        report.AppendLine();
        report.AppendLine(Inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Machine.Describe()}; load average at the end of the run: {LoadAverage()}.");
        report.AppendLine(Inv, $"Reproduce: `dotnet run -c Release --project bench/Vigie.Benchmarks -- matching-quality --identities {n}` (add `--diagnose 20` for the false positive and negative patterns).");
        report.AppendLine(Inv, $"Data: `SyntheticIdentityGenerator` seed {seed}: {records.Length:N0} local records of {persons:N0} persons, {LinkageEvaluation.CountTruePairs(records.Select(r => r.PersonKey).ToArray()):N0} true pairs. Model: the registry's bootstrap model, EM on {trainingRecords:N0} synthetic records of another seed ({trainingPairs:N0} sampled pairs), prior rescaled to the register size.");
        report.AppendLine(Inv, $"Every pair the blocking proposes is scored ({scan.ComparedPairs:N0} pairs), so blocking recall is included; the whole run took {total.Elapsed.TotalSeconds:F0} s.");
        report.AppendLine();
        report.AppendLine("| Predicted duplicates | F1 (target ≥ 0.99) | Precision | Recall | False positives | False negatives |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, score) in figures)
        {
            report.AppendLine(Inv, $"| {name} | {score.F1:F4} | {score.Precision:F4} | {score.Recall:F4} | {score.FalsePositives:N0} | {score.FalseNegatives:N0} |");
        }

        BenchmarkReport.Write(output, "matching-quality-" + n.ToString(Inv), report.ToString());
        Log($"written to {output}");
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]} (1 / 5 / 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(message.ToString(Inv));
}
