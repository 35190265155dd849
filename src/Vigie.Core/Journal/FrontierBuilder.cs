using System.Numerics;
using System.Runtime.CompilerServices;

namespace Vigie.Core.Journal;

/// <summary>
/// The mutable accumulator behind <see cref="MerkleFrontier"/> and the verifier: the roots of the perfect
/// subtrees that cover the leaves so far (one per set bit of the size, largest first). Appending a leaf merges
/// equal-sized subtrees like a binary counter carries, so n appends cost n leaf merges amortised and the root
/// costs O(log n). Mutable on purpose: the verifier appends a million leaves a second without allocating.
/// </summary>
internal sealed class FrontierBuilder
{
    private readonly MerkleHash[] _nodes = new MerkleHash[64];
    private int _count;

    public FrontierBuilder()
    {
    }

    public FrontierBuilder(long size, IReadOnlyList<MerkleHash> nodes)
    {
        Size = size;
        for (var i = 0; i < nodes.Count; i++)
        {
            _nodes[i] = nodes[i];
        }

        _count = nodes.Count;
    }

    public long Size { get; private set; }

    /// <summary>Called for every perfect subtree completed at or above <see cref="ReportFromLevel"/> (storage keeps them for proofs).</summary>
    public Action<MerkleNodeId, MerkleHash>? Completed { get; init; }

    public int ReportFromLevel { get; init; } = int.MaxValue;

    public void Append(in MerkleHash leaf)
    {
        var hash = leaf;
        var level = 0;

        // Each trailing one bit of the old size is a full subtree of that height waiting for a right sibling.
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            hash = MerkleTree.HashChildren(_nodes[--_count], hash);
            level++;
            if (level >= ReportFromLevel)
            {
                Completed?.Invoke(new MerkleNodeId(level, Size >> level), hash);
            }
        }

        _nodes[_count++] = hash;
        Size++;
    }

    /// <summary>
    /// Appends many leaves: the run is cut into aligned perfect subtrees whose roots are computed level by level
    /// eight hashes at a time, then each is added like one big leaf. Completed subtrees are not reported, so this
    /// is for verification, not for the appender.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendMany(ReadOnlySpan<MerkleHash> leaves)
    {
        var i = 0;
        MerkleHash[]? scratch = null;
        while (i < leaves.Length)
        {
            // The largest subtree that starts here (aligned on its size) and fits in what is left.
            var aligned = Size == 0 ? 62 : BitOperations.TrailingZeroCount(Size);
            var level = Math.Min(aligned, 63 - BitOperations.LeadingZeroCount((ulong)(leaves.Length - i)));
            if (level < 3)
            {
                Append(leaves[i++]);
                continue;
            }

            var width = 1 << level;
            scratch ??= new MerkleHash[Math.Max(4, leaves.Length / 2)];
            var level0 = leaves.Slice(i, width);
            var next = scratch.AsSpan(0, width / 2);
            BulkHashing.NodeHashes(level0, next);
            for (var count = width / 2; count > 1; count /= 2)
            {
                BulkHashing.NodeHashes(next[..count], next[..(count / 2)]);
            }

            AppendNode(level, next[0]);
            i += width;
        }
    }

    /// <summary>Adds the root of a perfect subtree of 2^level leaves; the size must be a multiple of 2^level.</summary>
    public void AppendNode(int level, in MerkleHash root)
    {
        var hash = root;
        var leafCount = 1L << level;
        for (var size = Size >> level; (size & 1) == 1; size >>= 1)
        {
            hash = MerkleTree.HashChildren(_nodes[--_count], hash);
        }

        _nodes[_count++] = hash;
        Size += leafCount;
    }

    public MerkleHash Root()
    {
        if (_count == 0)
        {
            return MerkleHash.Empty;
        }

        var root = _nodes[_count - 1];
        for (var i = _count - 2; i >= 0; i--)
        {
            root = MerkleTree.HashChildren(_nodes[i], root);
        }

        return root;
    }

    public MerkleHash[] Nodes() => _nodes.AsSpan(0, _count).ToArray();
}
