using System.Security.Cryptography;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>An in-memory journal as storage would hold it: sealed rows and signed checkpoints, the last one at the end.</summary>
internal sealed class TestLog
{
    public const string Origin = "vigie.test/journal";

    // Key generation is the slow part; one key pair serves every test.
    public static readonly ECDsa SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public static readonly ECDsa OtherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public static readonly byte[] SealKey = EntrySeal.DeriveKey(SigningKey.ExportParameters(true).D);

    private TestLog(List<StoredEntry> entries, List<StoredCheckpoint> checkpoints, List<MerkleHash> leaves)
    {
        Entries = entries;
        Checkpoints = checkpoints;
        Leaves = leaves;
    }

    public List<StoredEntry> Entries { get; }
    public List<StoredCheckpoint> Checkpoints { get; }
    public List<MerkleHash> Leaves { get; }

    public static CheckpointKey PublicKey { get; } = CheckpointKey.FromEcdsa(Origin, SigningKey);
    public static JournalTrust FullTrust { get; } = new(PublicKey, SealKey);
    public static JournalTrust PublicTrust { get; } = new(PublicKey);

    public static TestLog Build(IReadOnlyList<JournalEntry> entries, int checkpointEvery, bool withIndex = false)
    {
        var rows = new List<StoredEntry>();
        var leaves = new List<MerkleHash>();
        var checkpoints = new List<StoredCheckpoint>();
        var frontier = MerkleFrontier.Empty;
        for (var i = 0; i < entries.Count; i++)
        {
            var row = Row(i, JournalEntryEncoding.Encode(entries[i]), SealKey, withIndex ? JournalEntryIndex.For(entries[i]) : null);
            rows.Add(row);
            var leaf = new MerkleHash(row.LeafHash.Span);
            leaves.Add(leaf);
            frontier = frontier.Append([leaf]);
            if ((i + 1) % checkpointEvery == 0 || i == entries.Count - 1)
            {
                checkpoints.Add(Sign(frontier.Size, frontier.Root()));
            }
        }

        return new TestLog(rows, checkpoints, leaves);
    }

    public static StoredEntry Row(long sequence, byte[] bytes, byte[] sealKey, JournalEntryIndex? index = null)
    {
        var leaf = MerkleTree.HashLeaf(bytes);
        return new StoredEntry(sequence, bytes, leaf.ToArray(), EntrySeal.Compute(sealKey, sequence, leaf), index);
    }

    public static StoredCheckpoint Sign(long size, MerkleHash root, ECDsa? key = null, bool boundary = false, byte[]? frontier = null) =>
        new(size, CheckpointNote.Sign(new Checkpoint(Origin, size, root, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).AddSeconds(size), boundary), key ?? SigningKey).Note,
            frontier is null ? ReadOnlyMemory<byte>.Empty : frontier);

    public JournalVerification Verify(JournalTrust? trust = null) => JournalVerifier.Verify(Entries, Checkpoints, trust ?? FullTrust);
}
