using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Benchmarks.Micro;

/// <summary>
/// Journal hot paths, per entry (OperationsPerInvoke), as ratios to one platform SHA-256 of an entry (the baseline):
/// verification with seals and with the public key only, bulk leaf hashing, encoding, frontier appends.
/// Entries/s = 1e9 / mean ns. The target is 1,000,000 entries/s verified.
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int Entries = 100_000;
    private const string Origin = "vigie.bench/journal";

    private JournalEntry[] _entries = [];
    private byte[][] _encoded = [];
    private StoredEntry[] _rows = [];
    private StoredCheckpoint[] _checkpoints = [];
    private MerkleHash[] _leaves = [];
    private JournalTrust _full = null!;
    private JournalTrust _public = null!;
    private ECDsa _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sealKey = EntrySeal.DeriveKey(_key.ExportParameters(true).D);
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        _entries = [.. Enumerable.Range(0, Entries).Select(i => new JournalEntry(
            start.AddMilliseconds(i),
            new JournalActor("10003456789", "590780193", "10"),
            new JournalRequest("sess-4f1c2a", "192.0.2.17", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "req-" + (i / 10)),
            JournalAction.Search,
            new PatientId("p-" + (i * 7919 % 1_000_000)),
            DisclosedData.Identity | DisclosedData.Phone,
            "family,birthdate;grade=certain",
            null,
            JournalOutcome.Success))];
        _encoded = [.. _entries.Select(JournalEntryEncoding.Encode)];
        _leaves = MerkleTree.HashLeaves(_encoded);
        var seals = EntrySeal.ComputeMany(sealKey, 0, _leaves);
        _rows = [.. Enumerable.Range(0, Entries).Select(i => new StoredEntry(
            i, _encoded[i], _leaves[i].ToArray(), seals.AsMemory(i * EntrySeal.Length, EntrySeal.Length), JournalEntryIndex.For(_entries[i])))];

        // A checkpoint every 20,000 entries: one a second at the sustained append rate.
        var checkpoints = new List<StoredCheckpoint>();
        var frontier = MerkleFrontier.Empty;
        for (var i = 0; i < Entries; i += 20_000)
        {
            frontier = frontier.Append(_leaves.AsSpan(i, 20_000));
            var signed = CheckpointNote.Sign(new Checkpoint(Origin, frontier.Size, frontier.Root(), start.AddSeconds(i / 20_000)), _key);
            checkpoints.Add(new StoredCheckpoint(frontier.Size, signed.Note));
        }

        _checkpoints = [.. checkpoints];
        var publicKey = CheckpointKey.FromEcdsa(Origin, _key);
        _full = new JournalTrust(publicKey, sealKey);
        _public = new JournalTrust(publicKey);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public MerkleHash PlatformSha256PerEntry()
    {
        var last = default(MerkleHash);
        foreach (var entry in _encoded)
        {
            last = MerkleTree.HashLeaf(entry);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public bool Verify_WithSealsAndIndex() => JournalVerifier.Verify(_rows, _checkpoints, _full).IsValid;

    [Benchmark(OperationsPerInvoke = Entries)]
    public bool Verify_WithPublicKeyOnly() => JournalVerifier.Verify(_rows, _checkpoints, _public).IsValid;

    [Benchmark(OperationsPerInvoke = Entries)]
    public MerkleHash[] LeafHashes_EightLanes() => MerkleTree.HashLeaves(_encoded);

    [Benchmark(OperationsPerInvoke = Entries)]
    public MerkleHash Root_FromLeafHashes() => MerkleTree.Root(_leaves);

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Encode()
    {
        var total = 0;
        foreach (var entry in _entries)
        {
            total += JournalEntryEncoding.Encode(entry).Length;
        }

        return total;
    }

    // The appender's path: one leaf at a time, reporting stored subtrees (platform SHA-256 per node).
    [Benchmark(OperationsPerInvoke = Entries)]
    public long FrontierAppend_AsTheAppenderDoes()
    {
        var nodes = 0L;
        return MerkleFrontier.Empty.Append(_leaves, 8, (_, _) => nodes++).Size + nodes;
    }
}
