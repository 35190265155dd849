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
