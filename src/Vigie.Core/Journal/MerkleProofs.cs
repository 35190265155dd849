namespace Vigie.Core.Journal;

/// <summary>
/// Builds RFC 9162 proofs. Every hash in a proof is the root of a subtree of the RFC tree, and every such subtree
/// is a run of perfect subtrees (<see cref="MerkleNodeId"/>), so a proof is planned as lists of node ids and then
/// filled from whatever holds node hashes: a list of leaves in memory, or the stored nodes of the journal.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 9162, 2.1.3.1).</summary>
    public static InclusionProof Inclusion(long index, long size, Func<MerkleNodeId, MerkleHash> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new InclusionProof(index, size, Resolve(InclusionPlan(index, size), node));
    }

    /// <summary>The consistency proof from the tree of <paramref name="oldSize"/> leaves to that of <paramref name="newSize"/> (RFC 9162, 2.1.4.1).</summary>
    public static ConsistencyProof Consistency(long oldSize, long newSize, Func<MerkleNodeId, MerkleHash> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new ConsistencyProof(oldSize, newSize, Resolve(ConsistencyPlan(oldSize, newSize), node));
    }

    /// <summary>The perfect subtrees an inclusion proof reads, so storage can fetch them in one go.</summary>
    public static IReadOnlyList<MerkleNodeId> InclusionNodes(long index, long size) => [.. InclusionPlan(index, size).SelectMany(n => n)];

    /// <summary>The perfect subtrees a consistency proof reads.</summary>
    public static IReadOnlyList<MerkleNodeId> ConsistencyNodes(long oldSize, long newSize) => [.. ConsistencyPlan(oldSize, newSize).SelectMany(n => n)];

    /// <summary>Node hashes computed from all the leaf hashes, for logs held in memory (tests, tools).</summary>
    public static Func<MerkleNodeId, MerkleHash> FromLeaves(IReadOnlyList<MerkleHash> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return id =>
        {
            var builder = new FrontierBuilder();
            for (var i = id.FirstLeaf; i < id.FirstLeaf + id.LeafCount; i++)
            {
                builder.Append(leafHashes[(int)i]);
            }

            return builder.Root();
        };
    }

    // PATH(m, D[lo:hi]): walk down from the root; at each split the sibling subtree joins the proof. The RFC lists
    // siblings from the leaf upwards, so the walk's order is reversed at the end.
    private static List<List<MerkleNodeId>> InclusionPlan(long index, long size)
    {
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"not a leaf of a tree of {size}");
        }

        var plan = new List<List<MerkleNodeId>>();
        long lo = 0, hi = size;
        while (hi - lo > 1)
        {
            var k = MerkleTree.SplitPoint(hi - lo);
            if (index < lo + k)
            {
                plan.Add(MerkleTree.Decompose(lo + k, hi));
                hi = lo + k;
            }
            else
            {
                plan.Add(MerkleTree.Decompose(lo, lo + k));
                lo += k;
            }
        }

        plan.Reverse();
        return plan;
    }

    // SUBPROOF(m, D[lo:hi], b), unrolled: the old tree's edge is followed down; a subtree that is wholly old or
    // wholly new joins the proof; when the edge lands exactly on a subtree, that subtree joins unless it is the
    // whole old tree (b true), whose root the verifier already has.
    private static List<List<MerkleNodeId>> ConsistencyPlan(long oldSize, long newSize)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"not a prefix of a tree of {newSize}");
        }

        var plan = new List<List<MerkleNodeId>>();
        if (oldSize == 0 || oldSize == newSize)
        {
            return plan;
        }

        long lo = 0, hi = newSize, m = oldSize;
        var whole = true;
        while (m != hi - lo)
        {
            var k = MerkleTree.SplitPoint(hi - lo);
            if (m <= k)
            {
                plan.Add(MerkleTree.Decompose(lo + k, hi));
                hi = lo + k;
            }
            else
            {
                plan.Add(MerkleTree.Decompose(lo, lo + k));
                m -= k;
                lo += k;
                whole = false;
            }
        }

        if (!whole)
        {
            plan.Add(MerkleTree.Decompose(lo, hi));
        }

        plan.Reverse();
        return plan;
    }

    private static List<MerkleHash> Resolve(List<List<MerkleNodeId>> plan, Func<MerkleNodeId, MerkleHash> node) =>
        plan.ConvertAll(ids => MerkleTree.Fold(ids.ConvertAll(id => node(id))));
}
