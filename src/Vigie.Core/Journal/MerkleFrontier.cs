using System.Collections.Immutable;
using System.Numerics;

namespace Vigie.Core.Journal;

/// <summary>
/// The compact state of a log of <see cref="Size"/> leaves: the roots of the perfect subtrees that cover it, one
/// per set bit of the size, largest first (at most 64 hashes). It is all an appender needs to extend the tree and
/// compute its root, so appends are O(log n) without reading old entries; storage persists it with each append.
/// </summary>
public sealed record MerkleFrontier
{
    private readonly ImmutableArray<MerkleHash> _nodes;

    private MerkleFrontier(long size, ImmutableArray<MerkleHash> nodes)
    {
        Size = size;
        _nodes = nodes;
    }

    /// <summary>The frontier of the empty log.</summary>
    public static MerkleFrontier Empty { get; } = new(0, []);

    /// <summary>The number of leaves.</summary>
    public long Size { get; }

    /// <summary>The subtree roots, largest (leftmost) first.</summary>
    public IReadOnlyList<MerkleHash> Nodes => _nodes;

    /// <summary>Which subtree each of <see cref="Nodes"/> is.</summary>
    public IReadOnlyList<MerkleNodeId> NodeIds => IdsFor(Size);

    /// <summary>The subtrees that make up the frontier of a log of <paramref name="size"/> leaves, largest first.</summary>
    public static IReadOnlyList<MerkleNodeId> IdsFor(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return MerkleTree.Decompose(0, size);
    }

    /// <summary>Builds a frontier from its subtree roots; refuses a count that does not match the size.</summary>
    public static ParseResult<MerkleFrontier> From(long size, IReadOnlyList<MerkleHash> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return size >= 0 && BitOperations.PopCount((ulong)size) == nodes.Count
            ? ParseResult<MerkleFrontier>.Ok(new MerkleFrontier(size, [.. nodes]))
            : ParseResult<MerkleFrontier>.Fail("a frontier holds one hash per set bit of its size");
    }

    /// <summary>Reads the stored form written by <see cref="ToBytes"/>: the hashes concatenated.</summary>
    public static ParseResult<MerkleFrontier> FromBytes(long size, ReadOnlySpan<byte> bytes)
    {
        if (size < 0 || bytes.Length != BitOperations.PopCount((ulong)size) * MerkleHash.Length)
        {
            return ParseResult<MerkleFrontier>.Fail("a frontier holds one 32-byte hash per set bit of its size");
        }

        var nodes = ImmutableArray.CreateBuilder<MerkleHash>(bytes.Length / MerkleHash.Length);
        for (var offset = 0; offset < bytes.Length; offset += MerkleHash.Length)
        {
            nodes.Add(new MerkleHash(bytes.Slice(offset, MerkleHash.Length)));
        }

        return ParseResult<MerkleFrontier>.Ok(new MerkleFrontier(size, nodes.MoveToImmutable()));
    }

    /// <summary>The hashes concatenated, largest subtree first.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_nodes.Length * MerkleHash.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            _nodes[i].CopyTo(bytes.AsSpan(i * MerkleHash.Length));
        }

        return bytes;
    }

    /// <summary>The root hash of the log (the empty root for size 0).</summary>
    public MerkleHash Root() => Builder(null, int.MaxValue).Root();

    /// <summary>The frontier after appending these leaf hashes.</summary>
    public MerkleFrontier Append(ReadOnlySpan<MerkleHash> leafHashes) => Append(leafHashes, int.MaxValue, null);

    /// <summary>
    /// The frontier after appending these leaf hashes, reporting every perfect subtree completed at level
    /// <paramref name="reportFromLevel"/> or above (storage keeps those to serve proofs without reading every leaf).
    /// </summary>
    public MerkleFrontier Append(ReadOnlySpan<MerkleHash> leafHashes, int reportFromLevel, Action<MerkleNodeId, MerkleHash>? completed)
    {
        var builder = Builder(completed, reportFromLevel);
        foreach (var leaf in leafHashes)
        {
            builder.Append(leaf);
        }

        return new MerkleFrontier(builder.Size, [.. builder.Nodes()]);
    }

    /// <inheritdoc />
    public bool Equals(MerkleFrontier? other) =>
        other is not null && Size == other.Size && _nodes.AsSpan().SequenceEqual(other._nodes.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Size, _nodes.Length > 0 ? _nodes[^1] : default);

    internal FrontierBuilder Builder(Action<MerkleNodeId, MerkleHash>? completed, int reportFromLevel) =>
        new(Size, _nodes) { Completed = completed, ReportFromLevel = reportFromLevel };
}
