using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>Every scope entry comes with an inclusion proof that verifies against the latest signed checkpoint.</summary>
public sealed class ScopeProofsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryScopeEntry_HasAProofThatVerifiesAgainstTheLatestCheckpoint_AndEqualsTheStoredProof(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 21);
        using var key = await AttackFixture.WriteAsync(database, attack);

        var scope = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1, RecordedAttack.EvilSession2]), proofs: true)).Scope;

        var proofs = scope.Proofs!;
        Assert.Equal(attack.Entries.Count, proofs.Checkpoint!.Checkpoint.TreeSize);
        Assert.Equal(scope.Entries.Select(e => e.Sequence), proofs.Proofs.Select(p => p.Sequence));
        Assert.True(proofs.AllVerified);
        Assert.Equal(0, proofs.Pending);
        await using var db = database.NewContext();
        foreach (var proof in proofs.Proofs.Where((_, i) => i % 37 == 0))
        {
            Assert.Equal(await JournalProofs.InclusionAsync(db, proof.Sequence, proofs.Checkpoint.Checkpoint.TreeSize, CancellationToken.None), proof.Proof);
            Assert.True(proof.Proof.VerifyEntry(JournalEntryEncoding.Encode(attack.Entries[(int)proof.Sequence]), proofs.Checkpoint.Checkpoint.Root));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EntriesNewerThanTheLatestCheckpoint_AreCountedPending(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 22);
        using var key = await AttackFixture.WriteAsync(database, attack, checkpointLast: false);

        var scope = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(accounts: [RecordedAttack.Owner]), proofs: true)).Scope;

        var size = scope.Proofs!.Checkpoint!.Checkpoint.TreeSize;
        Assert.True(size < attack.Entries.Count);
        Assert.Equal(scope.Entries.Count(e => e.Sequence >= size), scope.Proofs.Pending);
        Assert.Equal(scope.Entries.Count(e => e.Sequence < size), scope.Proofs.Proofs.Count);
        Assert.True(scope.Proofs.AllVerified);
    }
}
