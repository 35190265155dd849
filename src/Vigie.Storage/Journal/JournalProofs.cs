using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Inclusion and consistency proofs served from storage: subtrees of 256 leaves or more come from the node table,
/// smaller ones are rebuilt from at most a few blocks of stored leaf hashes. Null when the proof cannot be made:
/// a size beyond the journal, or entries pruned away.
/// </summary>
public static class JournalProofs
{
    private const int BlockLevel = JournalNodeRow.MinLevel;

    /// <summary>The proof that entry <paramref name="sequence"/> is in the tree of <paramref name="treeSize"/> entries (a checkpoint's size).</summary>
    public static async Task<InclusionProof?> InclusionAsync(VigieDbContext db, long sequence, long treeSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (sequence < 0 || sequence >= treeSize || !await WithinJournalAsync(db, treeSize, ct).ConfigureAwait(false))
        {
            return null;
        }

        var nodes = await ResolveAsync(db, MerkleProofs.InclusionNodes(sequence, treeSize), ct).ConfigureAwait(false);
        return nodes is null ? null : MerkleProofs.Inclusion(sequence, treeSize, id => nodes[id]);
    }

    /// <summary>The proof that the tree of <paramref name="oldSize"/> entries is a prefix of that of <paramref name="newSize"/>.</summary>
    public static async Task<ConsistencyProof?> ConsistencyAsync(VigieDbContext db, long oldSize, long newSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (oldSize < 0 || oldSize > newSize || !await WithinJournalAsync(db, newSize, ct).ConfigureAwait(false))
        {
            return null;
        }

        var nodes = await ResolveAsync(db, MerkleProofs.ConsistencyNodes(oldSize, newSize), ct).ConfigureAwait(false);
        return nodes is null ? null : MerkleProofs.Consistency(oldSize, newSize, id => nodes[id]);
    }

    private static async Task<bool> WithinJournalAsync(VigieDbContext db, long treeSize, CancellationToken ct) =>
        treeSize <= await db.JournalState.AsNoTracking().Where(s => s.Id == JournalStateRow.SingletonId)
            .Select(s => s.TreeSize).SingleAsync(ct).ConfigureAwait(false);

    private static async Task<Dictionary<MerkleNodeId, MerkleHash>?> ResolveAsync(VigieDbContext db, IReadOnlyList<MerkleNodeId> ids, CancellationToken ct)
    {
        var hashes = new Dictionary<MerkleNodeId, MerkleHash>();
        foreach (var id in ids.Distinct())
        {
            if (id.Level >= BlockLevel)
            {
                var stored = await db.JournalNodes.AsNoTracking()
                    .Where(n => n.Level == id.Level && n.NodeIndex == id.Index)
                    .Select(n => n.Hash).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                if (stored is null || !MerkleHash.TryRead(stored, out var hash))
                {
                    return null;
                }

                hashes[id] = hash;
            }
            else
            {
                var first = id.FirstLeaf;
                var last = first + id.LeafCount;
                var leaves = await db.JournalEntries.AsNoTracking()
                    .Where(e => e.Sequence >= first && e.Sequence < last).OrderBy(e => e.Sequence)
                    .Select(e => e.LeafHash).ToListAsync(ct).ConfigureAwait(false);
                if (leaves.Count != id.LeafCount || leaves.Any(l => l.Length != MerkleHash.Length))
                {
                    return null;
                }

                hashes[id] = MerkleTree.Root([.. leaves.Select(l => new MerkleHash(l))]);
            }
        }

        return hashes;
    }
}
