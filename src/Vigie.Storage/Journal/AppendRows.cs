using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>What one append writes, in the form the statements bind: the entries' columns, the completed tree nodes, the checkpoint if one is due, and the new state.</summary>
internal sealed class AppendRows
{
    public required long First { get; init; }

    public int Count => Bytes.Length;

    public required JournalEntryIndex[] Index { get; init; }

    public required byte[][] Bytes { get; init; }

    public required byte[][] LeafHashes { get; init; }

    public required byte[][] Seals { get; init; }

    public required List<(MerkleNodeId Id, byte[] Hash)> Nodes { get; init; }

    public SignedCheckpoint? Checkpoint { get; init; }

    public required long TreeSize { get; init; }

    public required byte[] Frontier { get; init; }

    public required string VerifierKey { get; init; }

    public required long CheckpointSize { get; init; }

    public DateTimeOffset? CheckpointAt { get; init; }
}
