using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>
/// The journal's promise, checked for random logs and random single changes: any modification, deletion,
/// insertion or reordering of stored entries is detected, and the first differing entry is named.
/// </summary>
public sealed class JournalVerifierProperties
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Arbitrary<(int Size, int Every, int Seed)> Logs =
        (from size in Gen.Choose(2, 120)
         from every in Gen.Choose(1, 40)
         from seed in Gen.Choose(0, 1_000_000)
         select (size, every, seed)).ToArbitrary();

    private static readonly Arbitrary<(TamperKind Kind, int I, int J, int Seed)> Tampers =
        (from kind in Gen.Elements(Enum.GetValues<TamperKind>())
         from i in Gen.Choose(0, 10_000)
         from j in Gen.Choose(0, 10_000)
         from seed in Gen.Choose(0, 1_000_000)
         select (kind, i, j, seed)).ToArbitrary();

    // Built once per (size, every, seed): signing dominates and FsCheck revisits values while shrinking.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int), TestLog> Built = new();

    private static TestLog Log((int Size, int Every, int Seed) shape) =>
        Built.GetOrAdd(shape, s => TestLog.Build(SampleEntries.Many(s.Item1, s.Item3), s.Item2));

    [Fact]
    public void UntouchedLog_Verifies() =>
        Prop.ForAll(Logs, shape =>
        {
            var result = Log(shape).Verify();
            return result.IsValid && result.TreeSize == shape.Size && result.LastCheckpointSize == shape.Size && result.SealsChecked;
        }).Check(Cases);

    [Fact]
    public void AnySingleChange_IsDetected_AndTheFirstDifferingEntryIsNamed() =>
        Prop.ForAll(Logs, Tampers, (shape, tamper) =>
        {
            var log = Log(shape);
            var i = tamper.I % shape.Size;
            var j = (i + 1 + (tamper.J % (shape.Size - 1))) % shape.Size; // j != i
            var (rows, first) = Tampering.Apply(log.Entries, tamper.Kind, i, j, tamper.Seed);
            var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.FullTrust).Fault;
            return (fault is not null && fault.IsExact && fault.Entry == first && KindFits(tamper.Kind, fault.Kind, i == shape.Size - 1))
                .Label($"{tamper.Kind} at {i}/{j} of {shape.Size}: {fault}");
        }).Check(Cases);

    [Fact]
    public void WithThePublicKeyOnly_AnySingleChange_IsDetected_WithinTheRangeNamed() =>
        Prop.ForAll(Logs, Tampers, (shape, tamper) =>
        {
            var log = Log(shape);
            var i = tamper.I % shape.Size;
            var j = (i + 1 + (tamper.J % (shape.Size - 1))) % shape.Size;
            var (rows, first) = Tampering.Apply(log.Entries, tamper.Kind, i, j, tamper.Seed);
            var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.PublicTrust).Fault;
            return (fault is { Entry: { } entry, RangeEnd: { } end } && entry <= first && first < end)
                .Label($"{tamper.Kind} at {i}/{j} of {shape.Size}: {fault}");
        }).Check(Cases);

    [Fact]
    public void EntryDeletedAtTheTail_IsNamed_BecauseTheLastCheckpointCoversIt()
    {
        var log = TestLog.Build(SampleEntries.Many(10, 1), 4);
        var fault = JournalVerifier.Verify(log.Entries.Take(9), log.Checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(9, fault.Entry);
        Assert.Equal(10, fault.CheckpointSize);
    }

    [Fact]
    public void GarbageEntries_NeverThrow_AndAreNamed() =>
        Prop.ForAll(Logs, ArbMap.Default.ArbFor<byte[]>(), Gen.Choose(0, 10_000).ToArbitrary(), (shape, garbage, at) =>
        {
            var log = Log(shape);
            var i = at % shape.Size;
            var rows = log.Entries.ToList();
            rows[i] = rows[i] with { Entry = garbage };
            var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.FullTrust).Fault;
            return fault is not null && fault.Entry == i;
        }).Check(Cases);

    [Fact]
    public void TruncatedEntries_AreNamedAsMalformed() =>
        Prop.ForAll(Logs, Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (shape, at, cut) =>
        {
            var log = Log(shape);
            var i = at % shape.Size;
            var rows = log.Entries.ToList();
            rows[i] = rows[i] with { Entry = rows[i].Entry[..(cut % rows[i].Entry.Length)] };
            var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.FullTrust).Fault;
            return fault is { Kind: JournalFaultKind.EntryMalformed } && fault.Entry == i;
        }).Check(Cases);

    [Fact]
    public void GarbageCheckpoints_NeverThrow_AndAreRefused() =>
        Prop.ForAll(Logs, ArbMap.Default.ArbFor<string>(), (shape, garbage) =>
        {
            var log = Log(shape);
            var checkpoints = log.Checkpoints.ToList();
            checkpoints[^1] = checkpoints[^1] with { Note = garbage };
            var result = JournalVerifier.Verify(log.Entries, checkpoints, TestLog.FullTrust);
            return result.Fault is { Kind: JournalFaultKind.CheckpointInvalid } && result.Fault.CheckpointSize == shape.Size;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void CheckpointSignedWithAnotherKey_FailsCleanly()
    {
        var log = TestLog.Build(SampleEntries.Many(20, 2), 5);
        var checkpoints = log.Checkpoints.ToList();
        checkpoints[1] = TestLog.Sign(10, MerkleTree.Root(log.Leaves.Take(10).ToArray()), TestLog.OtherKey);
        var fault = JournalVerifier.Verify(log.Entries, checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.CheckpointInvalid, fault!.Kind);
        Assert.Equal(10, fault.CheckpointSize);
        Assert.Contains("not signed by the trusted key", fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyingWithAnotherTrustedKey_FailsOnTheFirstCheckpoint()
    {
        var log = TestLog.Build(SampleEntries.Many(20, 2), 5);
        var other = new JournalTrust(CheckpointKey.FromEcdsa(TestLog.Origin, TestLog.OtherKey));
        var fault = JournalVerifier.Verify(log.Entries, log.Checkpoints, other).Fault;
        Assert.Equal(JournalFaultKind.CheckpointInvalid, fault!.Kind);
        Assert.Equal(5, fault.CheckpointSize);
    }

    [Fact]
    public void HistoryRewrittenWithTheKey_IsCaughtByAWitnessedCheckpoint()
    {
        // The key holder re-seals and re-signs a rewritten log; the witness kept the original checkpoint at 12.
        var original = TestLog.Build(SampleEntries.Many(30, 3), 6);
        var rewrittenEntries = SampleEntries.Many(30, 3);
        rewrittenEntries[7] = SampleEntries.Create(new Random(99), 99);
        var rewritten = TestLog.Build(rewrittenEntries, 6);
        var checkpoints = rewritten.Checkpoints.Append(original.Checkpoints[1]).OrderBy(c => c.TreeSize).ToList();
        Assert.True(rewritten.Verify().IsValid, rewritten.Verify().Fault?.ToString());
        var fault = JournalVerifier.Verify(rewritten.Entries, checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.RootMismatch, fault!.Kind);
        Assert.Equal(12, fault.CheckpointSize);
        Assert.True(fault.Entry <= 7 && 7 < fault.RangeEnd);
    }

    [Fact]
    public void EditedIndexColumn_IsNamed()
    {
        var entries = SampleEntries.Many(12, 4);
        var log = TestLog.Build(entries, 5, withIndex: true);
        Assert.True(log.Verify().IsValid);
        var rows = log.Entries.ToList();
        rows[6] = rows[6] with { Index = rows[6].Index!.Value with { PatientId = "p-someone-else" } };
        var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.IndexMismatch, fault!.Kind);
        Assert.Equal(6, fault.Entry);
    }

    [Fact]
    public void SwappedRows_AreNamedAsReordered_WithTheOtherPosition()
    {
        var log = TestLog.Build(SampleEntries.Many(30, 5), 7);
        var (rows, _) = Tampering.Apply(log.Entries, TamperKind.Swap, 4, 21, 0);
        var fault = JournalVerifier.Verify(rows, log.Checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.EntryReordered, fault!.Kind);
        Assert.Equal(4, fault.Entry);
        Assert.Equal(21, fault.OtherEntry);
    }

    [Fact]
    public void EmptyJournal_Verifies() =>
        Assert.True(JournalVerifier.Verify([], [], TestLog.FullTrust) is { IsValid: true, TreeSize: 0 });

    [Fact]
    public void CheckpointWithNoEntries_NamesTheMissingEntries()
    {
        var log = TestLog.Build(SampleEntries.Many(8, 6), 8);
        var fault = JournalVerifier.Verify([], log.Checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(0, fault.Entry);
    }

    [Fact]
    public void CheckpointRowWhoseSizeDiffersFromItsNote_IsInvalid()
    {
        var log = TestLog.Build(SampleEntries.Many(8, 6), 4);
        var checkpoints = log.Checkpoints.ToList();
        checkpoints[0] = checkpoints[0] with { TreeSize = 3 };
        Assert.Equal(JournalFaultKind.CheckpointInvalid, JournalVerifier.Verify(log.Entries, checkpoints, TestLog.FullTrust).Fault!.Kind);
    }

    [Fact]
    public void PrunedLog_VerifiesFromItsRetentionBoundary() =>
        Prop.ForAll(Logs, Gen.Choose(0, 10_000).ToArbitrary(), (shape, at) =>
        {
            var log = Log(shape);
            var b = at % (shape.Size + 1);
            var (entries, checkpoints) = Prune(log, b);
            var result = JournalVerifier.Verify(entries, checkpoints, TestLog.FullTrust);
            return (result.IsValid && result.FirstEntry == b && result.TreeSize == shape.Size).Label(result.Fault?.ToString() ?? "");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void PrunedLog_WithWitnessedCheckpointsBeforeTheBoundary_CountsThemAndVerifies()
    {
        var log = TestLog.Build(SampleEntries.Many(40, 7), 5);
        var (entries, checkpoints) = Prune(log, 20);
        var withWitness = log.Checkpoints.Where(c => c.TreeSize <= 20).Concat(checkpoints).OrderBy(c => c.TreeSize).ToList();
        var result = JournalVerifier.Verify(entries, withWitness, TestLog.FullTrust);
        Assert.True(result.IsValid, result.Fault?.Detail);
        Assert.Equal(3, result.CheckpointsBeforeBoundary); // 5, 10, 15; the one at 20 equals the boundary and is compared
    }

    [Fact]
    public void EntriesDeletedAfterTheBoundary_AreNamed()
    {
        var log = TestLog.Build(SampleEntries.Many(40, 8), 5);
        var (entries, checkpoints) = Prune(log, 16);
        var fault = JournalVerifier.Verify(entries.Skip(3), checkpoints, TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(16, fault.Entry);
        Assert.Equal(19, fault.RangeEnd);
    }

    [Fact]
    public void OldestEntriesDeletedWithoutABoundary_AreNamed()
    {
        var log = TestLog.Build(SampleEntries.Many(40, 9), 5);
        var fault = JournalVerifier.Verify(log.Entries.Skip(12), log.Checkpoints.Skip(2), TestLog.FullTrust).Fault;
        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(0, fault.Entry);
    }

    [Fact]
    public void BoundaryWithAForgedFrontier_IsRefused()
    {
        var log = TestLog.Build(SampleEntries.Many(40, 10), 5);
        var (entries, checkpoints) = Prune(log, 16);
        var forged = checkpoints.ToList();
        var frontier = forged[0].Frontier.ToArray();
        frontier[0] ^= 1;
        forged[0] = forged[0] with { Frontier = frontier };
        Assert.Equal(JournalFaultKind.BoundaryInvalid, JournalVerifier.Verify(entries, forged, TestLog.FullTrust).Fault!.Kind);
    }

    [Fact]
    public void Result_ReportsTheRecomputedRoot()
    {
        var log = TestLog.Build(SampleEntries.Many(33, 11), 10);
        Assert.Equal(MerkleTree.Root(log.Leaves.ToArray()), log.Verify().Root);
    }

    // Logs longer than one verification batch (4096 entries): faults at and around batch edges, checkpoints on them.
    private static readonly Lazy<TestLog> LongLog = new(() => TestLog.Build(SampleEntries.Many(9000, 12), 4096));

    [Fact]
    public void LongLog_Verifies() =>
        Assert.True(LongLog.Value.Verify() is { IsValid: true, TreeSize: 9000, CheckpointsChecked: 3, LastCheckpointSize: 9000 });

    [Theory]
    [InlineData(TamperKind.ReplaceWithLeafHash, 4095)]
    [InlineData(TamperKind.ReplaceWithLeafHash, 4096)]
    [InlineData(TamperKind.ReplaceWithLeafHash, 8999)]
    [InlineData(TamperKind.DeleteAndRenumber, 4096)]
    [InlineData(TamperKind.InsertAndRenumber, 1023)]
    [InlineData(TamperKind.InsertAndRenumber, 1024)]
    [InlineData(TamperKind.Swap, 2047)]
    [InlineData(TamperKind.DeleteLeavingGap, 8191)]
    [InlineData(TamperKind.ModifyBytes, 6000)]
    public void LongLog_ChangeAtABatchEdge_IsNamed(TamperKind kind, int at)
    {
        var (rows, first) = Tampering.Apply(LongLog.Value.Entries, kind, at, 8500, 1);
        var fault = JournalVerifier.Verify(rows, LongLog.Value.Checkpoints, TestLog.FullTrust).Fault;
        Assert.NotNull(fault);
        Assert.True(fault.IsExact, fault.ToString());
        Assert.Equal(first, fault.Entry);
    }

    [Fact]
    public void LongLog_WithThePublicKeyOnly_LocatesAChangeBetweenCheckpoints()
    {
        var (rows, _) = Tampering.Apply(LongLog.Value.Entries, TamperKind.ReplaceWithLeafHash, 5000, 0, 1);
        var fault = JournalVerifier.Verify(rows, LongLog.Value.Checkpoints, TestLog.PublicTrust).Fault;
        Assert.Equal(JournalFaultKind.RootMismatch, fault!.Kind);
        Assert.Equal(4096, fault.Entry);
        Assert.Equal(8192, fault.RangeEnd);
    }

    // What pruning leaves: the entries from b, a boundary checkpoint at b carrying the frontier, the checkpoints after b.
    private static (List<StoredEntry> Entries, List<StoredCheckpoint> Checkpoints) Prune(TestLog log, int b)
    {
        var frontier = MerkleFrontier.Empty.Append(log.Leaves.Take(b).ToArray());
        var boundary = TestLog.Sign(b, frontier.Root(), boundary: true, frontier: frontier.ToBytes());
        return ([.. log.Entries.Skip(b)], [boundary, .. log.Checkpoints.Where(c => c.TreeSize > b)]);
    }

    private static bool KindFits(TamperKind tamper, JournalFaultKind found, bool atTail) => tamper switch
    {
        TamperKind.ModifyBytes => found is JournalFaultKind.EntryModified or JournalFaultKind.EntryMalformed,
        TamperKind.ReplaceWithLeafHash => found is JournalFaultKind.EntryModified,
        TamperKind.DeleteLeavingGap or TamperKind.DeleteAndRenumber => found is JournalFaultKind.EntryDeleted,

        // A forged row renumbered past the end has nothing after it to show it was inserted rather than modified.
        TamperKind.InsertAndRenumber => found is JournalFaultKind.EntryInserted || (atTail && found is JournalFaultKind.EntryModified),
        _ => found is JournalFaultKind.EntryReordered,
    };
}
