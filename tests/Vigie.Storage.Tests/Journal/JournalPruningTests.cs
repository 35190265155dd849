using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>Retention: old entries go, a signed boundary stays, and what remains still verifies and proves.</summary>
public sealed class JournalPruningTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    // 1000 entries from eight months ago, then 1000 from last month; "now" is Journals.Start.
    private static async Task<(TestDatabase Database, JournalSigningKey Key)> AgedJournalOf(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var key = Journals.Key(database);
        var clock = Journals.Clock();
        var old = Enumerable.Range(0, 1000).Select(i => Journals.Entry(i, Journals.Start.AddMonths(-8).AddSeconds(i))).ToList();
        var recent = Enumerable.Range(1000, 1000).Select(i => Journals.Entry(i, Journals.Start.AddMonths(-1).AddSeconds(i))).ToList();
        foreach (var chunk in old.Concat(recent).Chunk(300))
        {
            await Journals.AppendAsync(database, key, clock, chunk);
        }

        return (database, key);
    }

    private static Task<JournalPruneResult> PruneAsync(TestDatabase database, JournalSigningKey key, int months = 6) =>
        JournalPruning.PruneAsync(database.NewContext, key, Journals.Clock(), months, CancellationToken.None);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Prune_RemovesEntriesOlderThanSixMonths_AtA256Boundary_AndTheRestVerifies(string provider)
    {
        var (database, key) = await AgedJournalOf(provider);
        await using var _ = database;
        using var __ = key;

        var result = await PruneAsync(database, key);
        Assert.Null(result.Refusal);
        Assert.Equal(768, result.PrunedBefore); // the first recent entry is 1000; the cut is rounded down to 256
        Assert.Equal(768, result.EntriesRemoved);
        Assert.True(result.Boundary!.Checkpoint.RetentionBoundary);

        await using (var db = database.NewContext())
        {
            Assert.Equal(768, await db.JournalEntries.MinAsync(e => e.Sequence));
            Assert.Equal(768, await db.JournalCheckpoints.MinAsync(c => c.TreeSize));
        }

        var verified = await Journals.VerifyAsync(database, key);
        Assert.True(verified.IsValid, verified.Fault?.ToString());
        Assert.Equal(768, verified.FirstEntry);
        Assert.Equal(2000, verified.TreeSize);

        // Appends go on after a prune, and pruning again has nothing to do.
        await Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(10, 2000));
        Assert.True((await Journals.VerifyAsync(database, key)).IsValid);
        Assert.Equal(0, (await PruneAsync(database, key)).EntriesRemoved);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AfterPruning_ProofsOfKeptEntriesStillHold(string provider)
    {
        var (database, key) = await AgedJournalOf(provider);
        await using var _ = database;
        using var __ = key;
        var before = await LatestAsync(database, key);
        await PruneAsync(database, key);
        await Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(77, 2000));
        var after = await LatestAsync(database, key);

        await using var db = database.NewContext();
        foreach (var sequence in new long[] { 768, 769, 1000, 1535, 1999, 2076 })
        {
            var proof = await JournalProofs.InclusionAsync(db, sequence, after.TreeSize, CancellationToken.None);
            var leaf = await db.JournalEntries.Where(e => e.Sequence == sequence).Select(e => e.Entry).SingleAsync();
            Assert.True(proof!.VerifyEntry(leaf, after.Root), $"inclusion of {sequence}");
        }

        Assert.Null(await JournalProofs.InclusionAsync(db, 100, after.TreeSize, CancellationToken.None));
        var consistency = await JournalProofs.ConsistencyAsync(db, before.TreeSize, after.TreeSize, CancellationToken.None);
        Assert.True(consistency!.Verify(before.Root, after.Root));
    }

    [Fact]
    public async Task RetentionBelowSixMonths_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        using var key = Journals.Key(database);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PruneAsync(database, key, 5));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TamperedNodeTable_MakesThePruneRefuse_WithoutDeletingAnything(string provider)
    {
        var (database, key) = await AgedJournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_nodes SET \"Hash\" = {new byte[32]} WHERE \"Level\" = 9");

        var result = await PruneAsync(database, key);
        Assert.NotNull(result.Refusal);
        Assert.Equal(0, result.EntriesRemoved);
        await using var db = database.NewContext();
        Assert.Equal(2000, await db.JournalEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EntriesDeletedJustAfterTheBoundary_AreNamed(string provider)
    {
        var (database, key) = await AgedJournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await PruneAsync(database, key);
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries WHERE \"Sequence\" < 800");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(768, fault.Entry);
    }

    private static async Task<Checkpoint> LatestAsync(TestDatabase database, JournalSigningKey key)
    {
        await using var db = database.NewContext();
        return (await JournalQueries.LatestCheckpointAsync(db, key.PublicKey, CancellationToken.None))!.Checkpoint;
    }
}
