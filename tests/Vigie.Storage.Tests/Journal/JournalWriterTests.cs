using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>Group commit, checkpoint cadence and concurrency of the journal writer, on both providers.</summary>
public sealed class JournalWriterTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentAppends_GetDisjointContiguousSequences_AndTheLogVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var receipts = new List<JournalReceipt>();
        await using (var writer = new JournalWriter(database.NewContext, key, TimeProvider.System))
        {
            var tasks = Enumerable.Range(0, 200).Select(r => writer.AppendAsync(Journals.Entries(10, r * 10))).ToList();
            receipts.AddRange(await Task.WhenAll(tasks));
        }

        // Each request's entries are contiguous, and together they cover 0..1999 exactly once.
        var covered = Sequences(receipts);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i), covered);
        await using var db = database.NewContext();
        foreach (var receipt in receipts.Take(20))
        {
            var rows = await db.JournalEntries.Where(e => e.Sequence >= receipt.FirstSequence && e.Sequence < receipt.FirstSequence + receipt.Count)
                .OrderBy(e => e.Sequence).Select(e => e.Entry).ToListAsync();
            var requestIds = rows.Select(r => JournalEntryEncoding.Decode(r).Value.Request.RequestId).ToList();
            Assert.Equal(10, requestIds.Distinct().Count());
        }

        await AssertVerifiedAndCoveredAsync(database, key, 2000); // the writer signs a last checkpoint when it stops
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentAppends_ThroughTheQueueOnly_AreGroupedAndTheLogVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var phases = new JournalPhases();
        JournalReceipt[] receipts;
        await using (var writer = new JournalWriter(database.NewContext, key, TimeProvider.System, new JournalWriterOptions { CallerWritesWhenIdle = false, Phases = phases }))
        {
            receipts = await Task.WhenAll(Enumerable.Range(0, 200).Select(r => writer.AppendAsync(Journals.Entries(10, r * 10))));
        }

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i),
            Sequences(receipts));

        // The 200 are queued far faster than one transaction commits, so groups form: fewer transactions than requests.
        Assert.True(phases.Appends < 200, $"{phases.Appends} transactions for 200 requests");
        await AssertVerifiedAndCoveredAsync(database, key, 2000);
    }

    [Fact]
    public async Task AppendToAnIdleWriter_IsWrittenByTheCaller_AndDurableWhenItReturns()
    {
        // SQLite's I/O is synchronous: the caller's own write completes before AppendAsync returns, with no hand-off.
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        using var key = Journals.Key(database);
        await using var writer = new JournalWriter(database.NewContext, key, Journals.Clock());
        var append = writer.AppendAsync(Journals.Entries(3));

        Assert.True(append.IsCompletedSuccessfully);
        Assert.Equal(0, (await append).FirstSequence);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.JournalEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WhileACallerWrites_OtherAppendsQueue_AndEveryOneIsWrittenOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        await using (var writer = new JournalWriter(database.NewContext, key, TimeProvider.System))
        {
            // Callers on several threads: some find the writer idle and write themselves, the others queue.
            var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(r => Task.Run(() => writer.AppendAsync(Journals.Entries(4, r * 4)))));
            Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i),
                Sequences(receipts));
        }

        await AssertVerifiedAndCoveredAsync(database, key, 400);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoNodes_WritingTheSameDatabase_KeepOneConsistentLog(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var nodeA = new JournalWriter(database.NewContext, key, TimeProvider.System, new JournalWriterOptions { CheckpointInterval = TimeSpan.FromMilliseconds(20) });
        var nodeB = new JournalWriter(database.NewContext, key, TimeProvider.System, new JournalWriterOptions { CheckpointInterval = TimeSpan.FromMilliseconds(20) });
        var tasks = Enumerable.Range(0, 300).Select(r => (r % 2 == 0 ? nodeA : nodeB).AppendAsync(Journals.Entries(5, r * 5))).ToList();
        var receipts = await Task.WhenAll(tasks);
        await nodeA.DisposeAsync();
        await nodeB.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 1500).Select(i => (long)i),
            Sequences(receipts));
        var result = await Journals.VerifyAsync(database, key);
        Assert.True(result.IsValid, result.Fault?.ToString());
        Assert.Equal(1500, result.TreeSize);
        Assert.True(result.CheckpointsChecked >= 2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnderLoad_ACheckpointIsSignedAtLeastEverySecond(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        await using var writer = new JournalWriter(database.NewContext, key, clock);
        var checkpoints = new List<long>();
        for (var second = 0; second < 5; second++)
        {
            for (var i = 0; i < 4; i++)
            {
                var receipt = await writer.AppendAsync(Journals.Entries(3, (second * 12) + (i * 3)));
                if (receipt.Checkpoint is { } checkpoint)
                {
                    checkpoints.Add(checkpoint.Checkpoint.TreeSize);
                }

                clock.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        // One per simulated second: at 3 entries (the first append), then every 4 appends.
        Assert.Equal([3, 15, 27, 39, 51], checkpoints);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AfterTheLastAppend_TheTimerSignsACheckpointCoveringIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        var witnessPath = Path.Combine(database.DataDirectory, "witness.txt");
        await using var writer = new JournalWriter(database.NewContext, key, clock, witnesses: [new FileCheckpointWitness(witnessPath)]);
        await writer.AppendAsync(Journals.Entries(2));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Null((await writer.AppendAsync(Journals.Entries(2, 2))).Checkpoint);

        // No more traffic: once the interval has passed, the writer's timer covers entries 2 and 3. (The clock moves
        // on while waiting because the writer arms its timer just after the append returns.)
        await WaitUntilAsync(async () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await using var db = database.NewContext();
            return await db.JournalCheckpoints.AnyAsync(c => c.TreeSize == 4);
        });
        await WaitUntilAsync(() => Task.FromResult(FileCheckpointWitness.ReadAll(witnessPath).Any(c => c.TreeSize == 4)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WhenTheJournalCannotBeWritten_AppendFails_AndLaterAppendsRecover(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        await using var writer = new JournalWriter(database.NewContext, key, TimeProvider.System);
        await writer.AppendAsync(Journals.Entries(2));

        await Journals.ExecuteAsync(database, $"ALTER TABLE journal_entries RENAME TO journal_entries_away");
        await Assert.ThrowsAnyAsync<Exception>(() => writer.AppendAsync(Journals.Entries(2, 2)));
        await Journals.ExecuteAsync(database, $"ALTER TABLE journal_entries_away RENAME TO journal_entries");

        var receipt = await writer.AppendAsync(Journals.Entries(2, 4));
        Assert.Equal(2, receipt.FirstSequence);
    }

    [Fact]
    public async Task AppendAfterDispose_Throws()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        using var key = Journals.Key(database);
        var writer = new JournalWriter(database.NewContext, key, TimeProvider.System);
        await writer.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(Journals.Entries(1)));
    }

    // Each receipt's sequence numbers, all together, in order.
    [Fact]
    public async Task UnderSteadyAppends_TheWriterRestartsTheWal_AndKeepsItBounded()
    {
        // The control is the same traffic with the restart off: each background checkpoint ends with newer frames
        // behind it, SQLite never restarts the WAL, and the file only grows. It shows the test can fail.
        var unbounded = await LargestWalAsync(restartPages: long.MaxValue);
        var bounded = await LargestWalAsync(restartPages: 64);

        Assert.True(unbounded > 4 * bounded, $"WAL {bounded:N0} bytes with the restart, {unbounded:N0} without");
    }

    // Four callers append back to back (traffic never pauses, as on a busy day); returns the WAL file's size at the
    // end, which is the largest it has been (SQLite rewrites a restarted WAL from its start and never shrinks it).
    private static async Task<long> LargestWalAsync(long restartPages)
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        using var key = Journals.Key(database);
        var options = new JournalWriterOptions
        {
            CallerWritesWhenIdle = false,
            WalCheckpointInterval = TimeSpan.FromMilliseconds(5),
            WalRestartPages = restartPages,
        };
        long size;
        await using (var writer = new JournalWriter(database.NewContext, key, TimeProvider.System, options))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
            {
                for (var i = 0; i < 250; i++)
                {
                    await writer.AppendAsync(Journals.Entries(10, ((caller * 250) + i) * 10));
                }
            })));
            size = new FileInfo(Path.Combine(database.DataDirectory, Vigie.Storage.Sqlite.SqliteStorage.FileName + "-wal")).Length;
        }

        await AssertVerifiedAndCoveredAsync(database, key, 10_000);
        return size;
    }

    private static List<long> Sequences(IEnumerable<JournalReceipt> receipts) =>
        [.. receipts.SelectMany(r => Enumerable.Range(0, r.Count).Select(i => r.FirstSequence + i)).Order()];

    // The log verifies and the writer's last checkpoint covers all of it.
    private static async Task AssertVerifiedAndCoveredAsync(TestDatabase database, JournalSigningKey key, long size)
    {
        var result = await Journals.VerifyAsync(database, key);
        Assert.True(result.IsValid, result.Fault?.ToString());
        Assert.Equal(size, result.LastCheckpointSize);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("condition not met within 5 s");
    }
}
