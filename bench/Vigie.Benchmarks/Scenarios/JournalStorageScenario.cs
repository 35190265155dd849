using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Storage.Journal;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `journal [--entries N] [--concurrency C] [--postgres CS]`: durable append throughput of the journal writer
/// (C concurrent requests of 10 entries each, group commit, fsync) and verification speed reading the stored
/// journal back (`vigie audit verify`'s path: rows, seals, Merkle tree, checkpoints). `--data DIR` keeps the journal
/// in DIR (SQLite) and `--verify-only` verifies an existing one without appending, so the read path can be measured
/// again and again; verification runs `--verify-runs` times (3 by default) and the best and median are reported,
/// since the machine is shared.
/// </summary>
internal static class JournalStorageScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var total = Arg(args, "--entries") is { } e ? int.Parse(e, Inv) : 1_000_000;
        var concurrency = Arg(args, "--concurrency") is { } c ? int.Parse(c, Inv) : 64;
        var postgres = Arg(args, "--postgres");
        var output = Arg(args, "--out") ?? Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        var kept = Arg(args, "--data");
        var verifyOnly = args.Contains("--verify-only");
        var runs = Arg(args, "--verify-runs") is { } r ? int.Parse(r, Inv) : 3;
        var directory = kept ?? Path.Combine(Path.GetTempPath(), "vigie-bench-journal-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new VigieSettings { DataDirectory = directory, PostgresConnectionString = postgres };
        await StorageSetup.MigrateAsync(settings, default);
        using var key = JournalSigningKey.LoadOrCreate(directory, "vigie.bench/journal");

        var appended = verifyOnly ? total : 0;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await using (var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, TimeProvider.System))
        {
            var workers = Enumerable.Range(0, concurrency).Select(async w =>
            {
                latencies[w] = [];
                var i = 0;
                while (Interlocked.Add(ref appended, 10) <= total)
                {
                    var batch = Enumerable.Range(0, 10).Select(k => Entry(w, i++, k)).ToList();
                    var start = Stopwatch.GetTimestamp();
                    await writer.AppendAsync(batch);
                    latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (w == 0 && latencies[0].Count % 2000 == 0)
                    {
                        Console.Error.WriteLine(string.Create(Inv, $"appended ~{Volatile.Read(ref appended):N0} / {total:N0}"));
                    }
                }
            });
            await Task.WhenAll(workers);
        }

        var appendSeconds = clock.Elapsed.TotalSeconds;
        var perRequest = latencies.SelectMany(l => l ?? []).Order().ToList();
        Core.Journal.JournalVerification verification = null!;
        var verifyTimes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            clock.Restart();
            await using (var db = StorageSetup.CreateContext(settings))
            {
                verification = await JournalAudit.VerifyAsync(db, key.Trust, null, default);
            }

            verifyTimes.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine(string.Create(Inv, $"verification {run + 1}: {verification.EntriesChecked / verifyTimes[^1]:N0} entries/s ({verifyTimes[^1]:F2} s)"));
        }

        var stored = verifyOnly ? verification.EntriesChecked : perRequest.Count * 10;
        if (!verification.IsValid || verification.EntriesChecked != stored)
        {
            throw new InvalidOperationException($"verification failed: {verification.Fault} ({verification.EntriesChecked} of {stored})");
        }

        verifyTimes.Sort();
        var verifySeconds = verifyTimes[0];
        var medianSeconds = verifyTimes[verifyTimes.Count / 2];
        if (verifyOnly)
        {
            Console.WriteLine(string.Create(Inv, $"verification of {stored:N0} entries: best {stored / verifySeconds:N0}/s, median {stored / medianSeconds:N0}/s over {runs} runs"));
            return 0;
        }

        var report = new StringBuilder();
        var storage = postgres is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL 15 (local)";
        report.AppendLine(Inv, $"## Journal storage: durable appends and verification ({(postgres is null ? "SQLite" : "PostgreSQL")})");
        report.AppendLine();
        report.AppendLine(Inv, $"Machine: {Machine.Describe()}. Date: {DateTime.UtcNow:yyyy-MM-dd}. Storage: {storage}.");
        report.AppendLine(Inv, $"Reproduce: `dotnet run -c Release --project bench/Vigie.Benchmarks -- journal --entries {total} --concurrency {concurrency}{(postgres is null ? "" : " --postgres CS")}`.");
        report.AppendLine();
        report.AppendLine("| What | Target | Measured |");
        report.AppendLine("|---|---|---|");
        report.AppendLine(Inv, $"| Entries appended, hashed and durable ({concurrency} concurrent requests of 10) | ≥ 20,000/s | **{stored / appendSeconds:N0}/s** ({stored:N0} entries in {appendSeconds:F1} s; per request p50 {Percentiles.Of(perRequest, 50):F1} ms, p99 {Percentiles.Of(perRequest, 99):F1} ms) |");
        report.AppendLine(Inv, $"| Verification reading the stored journal (rows, seals, tree, {verification.CheckpointsChecked:N0} checkpoints) | ≥ 1,000,000 entries/s | **{stored / verifySeconds:N0}/s** best of {runs} ({verifySeconds:F2} s); median {stored / medianSeconds:N0}/s |");
        Console.WriteLine(report);
        BenchmarkReport.Write(output, postgres is null ? "journal-storage-sqlite" : "journal-storage-postgres", report.ToString());
        if (postgres is null && kept is null)
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static JournalEntry Entry(int worker, int request, int k) => new(
        TimeProvider.System.GetUtcNow(),
        new JournalActor("81000" + (worker % 97).ToString("D7", Inv), "590780193", "physician"),
        new JournalRequest("s-" + worker.ToString(Inv), "10.1.2." + (worker % 250).ToString(Inv), "Mozilla/5.0 (bench)", "r-" + worker.ToString(Inv) + "-" + request.ToString(Inv)),
        JournalAction.Search,
        new PatientId("p-" + ((worker * 7919) + (request * 31) + k).ToString(Inv)),
        DisclosedData.Identity,
        "birthdate,family",
        null,
        JournalOutcome.Success);

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigie.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
