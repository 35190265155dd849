using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>
/// Someone with write access to the database (but not the key file) edits the journal with SQL; the verifier
/// names what changed. Both providers.
/// </summary>
public sealed class JournalTamperingTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(TestDatabase Database, JournalSigningKey Key)> JournalOf(string provider, int count = 600)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var key = Journals.Key(database);
        var clock = Journals.Clock();
        for (var start = 0; start < count; start += 100)
        {
            await Journals.AppendAsync(database, key, clock, Journals.Entries(100, start));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return (database, key);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdatedEntryBytes_AreNamed(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        var forged = JournalEntryEncoding.Encode(Journals.Entry(123) with { Patient = new Core.Identity.PatientId("p-someone-else") });
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Entry\" = {forged}, \"LeafHash\" = {MerkleTree.HashLeaf(forged).ToArray()} WHERE \"Sequence\" = 123");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryModified, fault!.Kind);
        Assert.Equal(123, fault.Entry);
        Assert.True(fault.IsExact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeletedRow_IsNamed(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries WHERE \"Sequence\" = 321");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(321, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeletedRowWithRenumbering_IsNamed(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries WHERE \"Sequence\" = 250");

        // Renumber from the bottom up so the primary key never collides.
        for (var s = 251; s < 600; s++)
        {
            await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Sequence\" = {s - 1} WHERE \"Sequence\" = {s}");
        }

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(250, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SwappedRows_AreNamedAsReordered(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Sequence\" = -1 WHERE \"Sequence\" = 40");
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Sequence\" = 40 WHERE \"Sequence\" = 77");
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Sequence\" = 77 WHERE \"Sequence\" = -1");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryReordered, fault!.Kind);
        Assert.Equal(40, fault.Entry);
        Assert.Equal(77, fault.OtherEntry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InsertedRow_IsNamed(string provider)
    {
        var (database, key) = await JournalOf(provider, 200);
        await using var _ = database;
        using var __ = key;
        var forged = JournalEntryEncoding.Encode(Journals.Entry(999));
        await Journals.ExecuteAsync(database, $"INSERT INTO journal_entries (\"Sequence\", \"Time\", \"Action\", \"Entry\", \"LeafHash\", \"Seal\") VALUES (200, {Journals.Start}, 1, {forged}, {MerkleTree.HashLeaf(forged).ToArray()}, {new byte[16]})");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(200, fault!.Entry);
        Assert.True(fault.IsExact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EditedIndexColumn_IsNamed(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"PatientId\" = 'p-hidden' WHERE \"Sequence\" = 444");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.IndexMismatch, fault!.Kind);
        Assert.Equal(444, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TruncatedAndGarbageBytes_AreNamed_NotCrashes(string provider)
    {
        var (database, key) = await JournalOf(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Entry\" = {new byte[] { 1, 0, 0 }} WHERE \"Sequence\" = 10");
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Entry\" = {new byte[] { 0xFF, 0xFE }}, \"LeafHash\" = {new byte[3]} WHERE \"Sequence\" = 11");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.EntryMalformed, fault!.Kind);
        Assert.Equal(10, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TailDeletedWithItsCheckpoint_IsCaughtByTheWitness(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        using var key = Journals.Key(database);
        var witnessPath = Path.Combine(database.DataDirectory, "witness.txt");
        await using (var writer = new JournalWriter(database.NewContext, key, Journals.Clock(), witnesses: [new FileCheckpointWitness(witnessPath)]))
        {
            await writer.AppendAsync(Journals.Entries(50));
            await writer.AppendAsync(Journals.Entries(50, 50));
            await writer.CheckpointAsync();
        }

        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries WHERE \"Sequence\" >= 80");
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_checkpoints WHERE \"TreeSize\" > 80");
        Assert.True((await Journals.VerifyAsync(database, key)).IsValid); // the database alone now looks whole (and shorter)

        var fault = (await Journals.VerifyAsync(database, key, FileCheckpointWitness.ReadAll(witnessPath))).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(80, fault.Entry);
        Assert.Equal(100, fault.CheckpointSize);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HistoryRewrittenWithTheKey_IsCaughtByTheWitness(string provider)
    {
        var (database, key) = await JournalOf(provider, 300);
        await using var _ = database;
        using var __ = key;
        var witnessPath = Path.Combine(database.DataDirectory, "witness.txt");
        await using (var db = database.NewContext())
        {
            var latest = await JournalQueries.LatestCheckpointAsync(db, key.PublicKey, CancellationToken.None);
            await new FileCheckpointWitness(witnessPath).SubmitAsync(latest!, CancellationToken.None);
        }

        // The key holder rebuilds the whole journal from a doctored history: every seal and signature is valid.
        var doctored = Journals.Entries(300);
        doctored[150] = doctored[150] with { Outcome = JournalOutcome.DeniedByPolicy, Disclosed = DisclosedData.None };
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries");
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_checkpoints");
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_nodes");
        await Journals.ExecuteAsync(database, $"UPDATE journal_state SET \"TreeSize\" = 0, \"Frontier\" = {Array.Empty<byte>()}, \"LastCheckpointSize\" = 0, \"LastCheckpointAt\" = NULL");
        await Journals.AppendAsync(database, key, Journals.Clock(), doctored);
        Assert.True((await Journals.VerifyAsync(database, key)).IsValid);

        var fault = (await Journals.VerifyAsync(database, key, FileCheckpointWitness.ReadAll(witnessPath))).Fault;
        Assert.Equal(JournalFaultKind.RootMismatch, fault!.Kind);
        Assert.Equal(300, fault.CheckpointSize);
        Assert.True(fault.Entry <= 150 && 150 < fault.RangeEnd);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CheckpointSignedWithAnotherKey_FailsCleanly(string provider)
    {
        var (database, key) = await JournalOf(provider, 200);
        await using var _ = database;
        using var __ = key;
        using var other = JournalSigningKey.LoadOrCreate(Path.Combine(database.DataDirectory, "intruder"), Journals.Origin);
        var forged = other.Sign(new Checkpoint(Journals.Origin, 100, MerkleHash.Empty, Journals.Start));
        await Journals.ExecuteAsync(database, $"UPDATE journal_checkpoints SET \"Note\" = {forged.Note} WHERE \"TreeSize\" = 100");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;
        Assert.Equal(JournalFaultKind.CheckpointInvalid, fault!.Kind);
        Assert.Equal(100, fault.CheckpointSize);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GarbageInTheWitnessFile_IsAFault_NotACrash(string provider)
    {
        var (database, key) = await JournalOf(provider, 100);
        await using var _ = database;
        using var __ = key;
        var witnessPath = Path.Combine(database.DataDirectory, "witness.txt");
        await File.WriteAllTextAsync(witnessPath, "this is\nnot a checkpoint\n\n\u2014 vigie.test/journal AAAA\n\ngarbage\n");
        var fault = (await Journals.VerifyAsync(database, key, FileCheckpointWitness.ReadAll(witnessPath))).Fault;
        Assert.Equal(JournalFaultKind.CheckpointInvalid, fault!.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_FlagsATamperedRow_AsNotIntact(string provider)
    {
        var (database, key) = await JournalOf(provider, 100);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Seal\" = {new byte[16]} WHERE \"Sequence\" = 7");
        await using var db = database.NewContext();
        var records = await JournalQueries.SearchAsync(db, new JournalSearch(PatientId: "p-7"), key.SealKey, CancellationToken.None);
        Assert.Equal([7L, 57L], records.Select(r => r.Sequence));
        Assert.Equal([false, true], records.Select(r => r.Intact));
    }
}
