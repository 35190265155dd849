using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>The transactional append on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class JournalAppenderTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Append_StoresSealedRowsAndACheckpoint_ThatVerify(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        var first = await Journals.AppendAsync(database, key, clock, Journals.Entries(300));
        var second = await Journals.AppendAsync(database, key, clock, Journals.Entries(45, 300));

        Assert.Equal((0, 300, 300L), (first.FirstSequence, first.Count, first.TreeSize));
        Assert.Equal((300, 45, 345L), (second.FirstSequence, second.Count, second.TreeSize));
        Assert.Equal(345, second.Checkpoint!.Checkpoint.TreeSize);

        await using var db = database.NewContext();
        Assert.Equal(Enumerable.Range(0, 345).Select(i => (long)i), await db.JournalEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(1, await db.JournalNodes.CountAsync()); // one completed subtree of 256 leaves
        var row = await db.JournalEntries.SingleAsync(e => e.Sequence == 7);
        Assert.Equal(Journals.Entry(7), JournalEntryEncoding.Decode(row.Entry).Value);
        Assert.Equal("p-7", row.PatientId);
        Assert.Equal(Journals.Entry(7).Time, row.Time);

        var result = await Journals.VerifyAsync(database, key);
        Assert.True(result.IsValid, result.Fault?.ToString());
        Assert.Equal(345, result.TreeSize);
        Assert.Equal(2, result.CheckpointsChecked);
        Assert.Equal(MerkleTree.Root([.. Journals.Entries(345).Select(e => MerkleTree.HashLeaf(JournalEntryEncoding.Encode(e)))]), result.Root);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Checkpoint_IsSignedOnlyWhenTheIntervalHasPassed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        Assert.NotNull((await Journals.AppendAsync(database, key, clock, Journals.Entries(3), checkpoint: false)).Checkpoint); // the first is always due
        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Null((await Journals.AppendAsync(database, key, clock, Journals.Entries(3, 3), checkpoint: false)).Checkpoint);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var due = await Journals.AppendAsync(database, key, clock, Journals.Entries(3, 6), checkpoint: false);
        Assert.Equal(9, due.Checkpoint!.Checkpoint.TreeSize);
        Assert.Equal(clock.GetUtcNow(), due.Checkpoint.Checkpoint.Time);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Append_WithAnotherNodesKey_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        await Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(2));
        var otherDirectory = Path.Combine(database.DataDirectory, "other-node");
        using var otherKey = JournalSigningKey.LoadOrCreate(otherDirectory, Journals.Origin);
        await Assert.ThrowsAsync<JournalKeyMismatchException>(() => Journals.AppendAsync(database, otherKey, Journals.Clock(), Journals.Entries(2)));
        await using var db = database.NewContext();
        Assert.Equal(2, await db.JournalEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedAppend_LeavesNothingBehind(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        await Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(5));

        // A row squatting on the next sequence number makes the insert fail after the lock is taken.
        await Journals.ExecuteAsync(database, $"INSERT INTO journal_entries (\"Sequence\", \"Time\", \"Action\", \"Entry\", \"LeafHash\", \"Seal\") VALUES (6, {Journals.Start}, 1, {new byte[] { 1 }}, {new byte[] { 1 }}, {new byte[] { 1 }})");
        await Assert.ThrowsAnyAsync<Exception>(() => Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(3, 5)));

        await using var db = database.NewContext();
        var state = await db.JournalState.SingleAsync();
        Assert.Equal(5, state.TreeSize);
        Assert.Equal(6, await db.JournalEntries.CountAsync());
    }

    // The writer binds its own parameters (prepared ADO.NET statements, kept between groups): what it stores must be,
    // column for column, what EF reads back as the entries, tree nodes, checkpoints and state computed in memory.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriterRows_AreTheColumnsComputedInMemory_ReadBackThroughEf(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        await using (var writer = new JournalWriter(database.NewContext, key, clock))
        {
            for (var r = 0; r < 60; r++)
            {
                await writer.AppendAsync(Journals.Entries(10, r * 10));
                clock.Advance(TimeSpan.FromMilliseconds(300)); // a checkpoint every few groups
            }
        }

        var entries = Journals.Entries(600);
        var leaves = entries.Select(e => MerkleTree.HashLeaf(JournalEntryEncoding.Encode(e))).ToArray();
        await using var db = database.NewContext();
        var rows = await db.JournalEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(600, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var index = JournalEntryIndex.For(entries[i]);
            var row = rows[i];
            Assert.Equal((long)i, row.Sequence);
            Assert.Equal(index.Time, row.Time);
            Assert.Equal((int)index.Action, row.Action);
            Assert.Equal(index.ProfessionalId, row.ProfessionalId);
            Assert.Equal(index.PatientId, row.PatientId);
            Assert.Equal(JournalEntryEncoding.Encode(entries[i]), row.Entry);
            Assert.Equal(leaves[i].ToArray(), row.LeafHash);
            Assert.Equal(EntrySeal.Compute(key.SealKey.Span, i, leaves[i]), row.Seal);
        }

        // Two completed subtrees of 256 leaves, and the one of 512 above them.
        var nodes = await db.JournalNodes.OrderBy(n => n.Level).ThenBy(n => n.NodeIndex).ToListAsync();
        Assert.Equal([(8, 0L), (8, 1L), (9, 0L)], nodes.Select(n => (n.Level, n.NodeIndex)));
        Assert.Equal(MerkleTree.Root(leaves.AsSpan(256, 256)).ToArray(), nodes[1].Hash);
        Assert.Equal(MerkleTree.Root(leaves.AsSpan(0, 512)).ToArray(), nodes[2].Hash);

        var state = await db.JournalState.SingleAsync();
        var last = await db.JournalCheckpoints.OrderByDescending(c => c.TreeSize).FirstAsync();
        Assert.Equal(600, state.TreeSize);
        Assert.Equal(MerkleFrontier.Empty.Append(leaves).ToBytes(), state.Frontier);
        Assert.Equal(key.PublicKey.ToVerifierKey(), state.VerifierKey);
        Assert.Equal((last.TreeSize, (DateTimeOffset?)last.Time), (state.LastCheckpointSize, state.LastCheckpointAt));
        Assert.Equal(600, last.TreeSize); // the writer's last checkpoint on dispose
        Assert.Equal(MerkleTree.Root(leaves).ToArray(), last.RootHash);
        Assert.Null(last.Frontier);
        Assert.True(await db.JournalCheckpoints.CountAsync() >= 10);
        Assert.True(state.Generation >= 60);
        Assert.True((await Journals.VerifyAsync(database, key)).IsValid);
    }
}
