using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>Proofs served from storage verify against signed checkpoints, and equal the proofs computed from all leaves.</summary>
public sealed class JournalProofsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StoredProofs_EqualProofsFromAllLeaves_AndVerify(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        var clock = Journals.Clock();
        var checkpoints = new List<Checkpoint>();
        foreach (var size in new[] { 1, 255, 256, 300, 700, 1024, 37 })
        {
            var count = checkpoints.Count == 0 ? 0 : checkpoints[^1].TreeSize;
            var result = await Journals.AppendAsync(database, key, clock, Journals.Entries(size, (int)count));
            checkpoints.Add(result.Checkpoint!.Checkpoint);
        }

        var leaves = Enumerable.Range(0, (int)checkpoints[^1].TreeSize).Select(i => MerkleTree.HashLeaf(JournalEntryEncoding.Encode(Journals.Entry(i)))).ToArray();
        var fromLeaves = MerkleProofs.FromLeaves(leaves);
        await using var db = database.NewContext();
        var random = new Random(5);
        foreach (var checkpoint in checkpoints)
        {
            for (var k = 0; k < 5; k++)
            {
                var sequence = random.NextInt64(checkpoint.TreeSize);
                var proof = await JournalProofs.InclusionAsync(db, sequence, checkpoint.TreeSize, CancellationToken.None);
                Assert.Equal(MerkleProofs.Inclusion(sequence, checkpoint.TreeSize, fromLeaves), proof);
                Assert.True(proof!.Verify(leaves[sequence], checkpoint.Root));
            }
        }

        for (var i = 0; i < checkpoints.Count; i++)
        {
            for (var j = i; j < checkpoints.Count; j++)
            {
                var proof = await JournalProofs.ConsistencyAsync(db, checkpoints[i].TreeSize, checkpoints[j].TreeSize, CancellationToken.None);
                Assert.True(proof!.Verify(checkpoints[i].Root, checkpoints[j].Root), $"{checkpoints[i].TreeSize} -> {checkpoints[j].TreeSize}");
            }
        }

        Assert.Null(await JournalProofs.InclusionAsync(db, 0, checkpoints[^1].TreeSize + 1, CancellationToken.None));
        Assert.Null(await JournalProofs.ConsistencyAsync(db, 10, 5, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_ByPatientProfessionalAndDate_ReturnsDecodedEntries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var key = Journals.Key(database);
        await Journals.AppendAsync(database, key, Journals.Clock(), Journals.Entries(400));
        await using var db = database.NewContext();

        var byPatient = await JournalQueries.SearchAsync(db, new JournalSearch(PatientId: "p-3"), key.SealKey, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 8).Select(k => 3L + (50 * k)), byPatient.Select(r => r.Sequence));
        Assert.All(byPatient, r => Assert.True(r.Intact));
        Assert.Equal(Journals.Entry(53), byPatient[1].Entry);

        var window = await JournalQueries.SearchAsync(db,
            new JournalSearch(ProfessionalId: "10002", From: Journals.Start.AddMilliseconds(100), To: Journals.Start.AddMilliseconds(200)), key.SealKey, CancellationToken.None);
        Assert.Equal(Enumerable.Range(100, 100).Where(i => i % 7 == 2).Select(i => (long)i), window.Select(r => r.Sequence));

        var page = await JournalQueries.SearchAsync(db, new JournalSearch(AfterSequence: 390, Limit: 5), key.SealKey, CancellationToken.None);
        Assert.Equal([391L, 392, 393, 394, 395], page.Select(r => r.Sequence));

        var all = new List<long>();
        await foreach (var record in JournalQueries.ReadAllAsync(db, key.SealKey))
        {
            all.Add(record.Sequence);
        }

        Assert.Equal(400, all.Count);
    }
}
