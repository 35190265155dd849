namespace Vigie.Core.Journal;

/// <summary>
/// A perfect subtree of the log: the 2^<paramref name="Level"/> leaves starting at leaf
/// <paramref name="Index"/> × 2^<paramref name="Level"/>. Level 0 is a leaf. Every such subtree that lies inside
/// a tree of size n is a node of the RFC 9162 tree of size n, which is why proofs and stored nodes use them.
/// </summary>
/// <param name="Level">The height: the subtree covers 2^Level leaves.</param>
/// <param name="Index">The position among the subtrees of the same level.</param>
public readonly record struct MerkleNodeId(int Level, long Index)
{
    /// <summary>The first leaf covered.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The number of leaves covered.</summary>
    public long LeafCount => 1L << Level;
}
