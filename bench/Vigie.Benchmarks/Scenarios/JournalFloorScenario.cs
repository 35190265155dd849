using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Storage.Journal;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `journal-floor [--count N] [--dir DIR] [--postgres CS]`: what one durable commit costs on this disk, under
/// everything Vigie adds. One client, one commit at a time, N times each: (1) write 200 bytes and fsync a file;
/// (2) SQLite (WAL, synchronous=FULL) commit of one row on a long-lived connection with a prepared statement;
/// (3) the journal writer appending 10 entries (a search of 10 patients) and waiting for them to be durable.
/// (3) minus (2) is what the journal's own work costs; (2) is a floor no code change in Vigie can go below.
/// The writer's time is also printed by phase (JournalPhases, mean per append), to show which step is above the floor.
/// </summary>
internal static class JournalFloorScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = ScenarioArgs.Int(args, "--count", 2000);
        var postgres = ScenarioArgs.String(args, "--postgres", null);
        var directory = ScenarioArgs.String(args, "--dir", null) ?? Path.Combine(Path.GetTempPath(), "vigie-bench-floor-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var fsync = FsyncLoop(Path.Combine(directory, "fsync.bin"));
            Print("write 200 B + fsync", await MeasureAsync(count, () => { fsync(); return Task.CompletedTask; }));
            var sqlite = SqliteLoop(Path.Combine(directory, "floor.db"));
            Print("SQLite commit of 1 row (WAL, synchronous=FULL)", await MeasureAsync(count, () => { sqlite(); return Task.CompletedTask; }));
            var settings = new VigieSettings { DataDirectory = directory, PostgresConnectionString = postgres };
            await StorageSetup.MigrateAsync(settings, default);
            using var key = JournalSigningKey.LoadOrCreate(directory, "vigie.bench/floor");
            var phases = new JournalPhases();
            await using var writer = new JournalWriter(() => StorageSetup.CreateContext(settings), key, TimeProvider.System, new JournalWriterOptions { Phases = phases });
            var entries = Enumerable.Range(0, 10).Select(Entry).ToList();
            var journal = await MeasureAsync(count, () => writer.AppendAsync(entries), phases.Reset);
            Print($"journal writer, 10 entries ({(postgres is null ? "SQLite" : "PostgreSQL")})", journal);
            PrintPhases(phases);
        }
        finally
        {
            if (ScenarioArgs.String(args, "--dir", null) is null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }

    // Runs the action count times after a tenth as warm-up; returns the times in milliseconds.
    private static async Task<List<double>> MeasureAsync(int count, Func<Task> once, Action? afterWarmUp = null)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count + (count / 10); i++)
        {
            if (i == count / 10)
            {
                afterWarmUp?.Invoke();
            }

            var start = Stopwatch.GetTimestamp();
            await once();
            if (i >= count / 10)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return times;
    }

    private static Action FsyncLoop(string path)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var payload = new byte[200];
        return () =>
        {
            file.Write(payload);
            file.Flush(flushToDisk: true);
        };
    }

    private static Action SqliteLoop(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL);";
            setup.ExecuteNonQuery();
        }

        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        insert.Parameters.AddWithValue("$v", new byte[200]);
        insert.Prepare();
        return () =>
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
            transaction.Commit();
        };
    }

    private static void Print(string what, List<double> times)
    {
        times.Sort();
        Console.WriteLine(string.Create(Inv,
            $"| {what} | {times.Count:N0} | {Percentiles.Of(times, 50):F3} | {Percentiles.Of(times, 99):F3} | {times[^1]:F3} |"));
    }

    // The writer's own time per append, by phase (mean over the measured appends), then what is left of the
    // caller's wait: queueing, waking the write loop and the caller.
    private static void PrintPhases(JournalPhases phases)
    {
        var appends = phases.Appends;
        var total = 0.0;
        foreach (var (phase, time) in phases.Snapshot())
        {
            total += time.TotalMilliseconds;
            Console.WriteLine(string.Create(Inv, $"|   {phase} | {time.TotalMilliseconds * 1000 / appends:F1} µs |"));
        }

        Console.WriteLine(string.Create(Inv, $"|   all phases, mean per append ({appends:N0}) | {total * 1000 / appends:F1} µs |"));
    }

    private static JournalEntry Entry(int k) => new(
        TimeProvider.System.GetUtcNow(),
        new JournalActor("810000000001", "590780193", "physician"),
        new JournalRequest("s-1", "10.1.2.3", "Mozilla/5.0 (bench)", "r-" + k.ToString(Inv)),
        JournalAction.Search,
        new PatientId("p-" + k.ToString(Inv)),
        DisclosedData.Identity,
        "birthdate,family",
        null,
        JournalOutcome.Success);
}
