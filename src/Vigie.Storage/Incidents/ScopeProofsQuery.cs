using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Inclusion proofs for many entries at once. <see cref="JournalProofs.InclusionAsync"/> makes a few dozen small
/// queries per proof, which for a scope of tens of thousands of entries means minutes of round trips. Here the
/// subtrees every proof needs are planned first (<see cref="MerkleProofs.InclusionNodes"/>), the stored nodes of each
/// level fetched in one query per chunk, and the 256-leaf blocks below them read by ranges, many per query. Each
/// proof is then checked against the checkpoint's root with the entry's own bytes.
/// </summary>
public static class ScopeProofsQuery
{
    private const int BlockLevel = JournalNodeRow.MinLevel;
    private const int BlockSize = 1 << BlockLevel;
    private const int RangesPerQuery = 64;
    private const int NodesPerQuery = 10_000;

    /// <summary>Proofs for the entries the checkpoint covers; later entries are counted as pending.</summary>
    public static async Task<ScopeProofs> BuildAsync(VigieDbContext db, IReadOnlyList<ScopeEntry> entries, SignedCheckpoint? checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (checkpoint is null)
        {
            return new ScopeProofs(null, [], entries.Count);
        }

        var size = checkpoint.Checkpoint.TreeSize;
        var covered = entries.Select(e => e.Sequence).Where(s => s < size).Distinct().Order().ToArray();
        var needed = covered.SelectMany(s => MerkleProofs.InclusionNodes(s, size)).ToHashSet();
        var nodes = await StoredNodesAsync(db, needed.Where(n => n.Level >= BlockLevel), ct).ConfigureAwait(false);
        var blocks = needed.Where(n => n.Level < BlockLevel).Select(n => n.FirstLeaf / BlockSize)
            .Concat(covered.Select(s => s / BlockSize)).Distinct().Order().ToArray();
        var leaves = await LeafHashesAsync(db, blocks, size, ct).ConfigureAwait(false);
        var entryLeaves = covered.ToDictionary(s => s, s => leaves.TryGetValue(s, out var h) ? h : (MerkleHash?)null);

        var proofs = new EntryProof[covered.Length];
        Parallel.For(0, covered.Length, i =>
        {
            var sequence = covered[i];
            var proof = MerkleProofs.Inclusion(sequence, size, id => Resolve(id, nodes, leaves));
            proofs[i] = new EntryProof(sequence, proof, entryLeaves[sequence] is { } leaf && proof.Verify(leaf, checkpoint.Checkpoint.Root));
        });
        return new ScopeProofs(checkpoint, proofs, entries.Count - entries.Count(e => e.Sequence < size));
    }

    // A stored node, or a subtree below the block level rebuilt from its leaf hashes. A missing one (pruned, or a
    // deleted row) yields a zero hash: the proof is then returned unverified rather than failing the whole scope.
    private static MerkleHash Resolve(MerkleNodeId id, Dictionary<MerkleNodeId, MerkleHash> nodes, Dictionary<long, MerkleHash> leaves)
    {
        if (id.Level >= BlockLevel)
        {
            return nodes.TryGetValue(id, out var stored) ? stored : default;
        }

        var hashes = new MerkleHash[id.LeafCount];
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!leaves.TryGetValue(id.FirstLeaf + i, out hashes[i]))
            {
                return default;
            }
        }

        return MerkleTree.Root(hashes);
    }

    private static async Task<Dictionary<MerkleNodeId, MerkleHash>> StoredNodesAsync(VigieDbContext db, IEnumerable<MerkleNodeId> ids, CancellationToken ct)
    {
        var found = new Dictionary<MerkleNodeId, MerkleHash>();
        foreach (var level in ids.GroupBy(n => n.Level))
        {
            var l = level.Key;
            foreach (var chunk in level.Select(n => n.Index).Chunk(NodesPerQuery))
            {
                var indexes = chunk.ToList();
                var rows = await db.JournalNodes.AsNoTracking().Where(n => n.Level == l && indexes.Contains(n.NodeIndex))
                    .Select(n => new { n.NodeIndex, n.Hash }).ToListAsync(ct).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    if (MerkleHash.TryRead(row.Hash, out var hash))
                    {
                        found[new MerkleNodeId(l, row.NodeIndex)] = hash;
                    }
                }
            }
        }

        return found;
    }

    private static async Task<Dictionary<long, MerkleHash>> LeafHashesAsync(VigieDbContext db, long[] blocks, long size, CancellationToken ct)
    {
        var leaves = new Dictionary<long, MerkleHash>(blocks.Length * BlockSize);
        foreach (var chunk in blocks.Chunk(RangesPerQuery))
        {
            var rows = await db.JournalEntries.AsNoTracking().Where(AnyBlock(chunk, size))
                .Select(e => new { e.Sequence, e.LeafHash }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (MerkleHash.TryRead(row.LeafHash, out var hash))
                {
                    leaves[row.Sequence] = hash;
                }
            }
        }

        return leaves;
    }

    // (Sequence >= a1 AND Sequence < b1) OR (Sequence >= a2 AND ...): primary-key range scans, one per block,
    // combined by the planner (a BitmapOr on PostgreSQL, a multi-range index search on SQLite).
    private static Expression<Func<JournalEntryRow, bool>> AnyBlock(long[] blocks, long size)
    {
        var row = Expression.Parameter(typeof(JournalEntryRow), "e");
        var sequence = Expression.Property(row, nameof(JournalEntryRow.Sequence));
        Expression? any = null;
        foreach (var block in blocks)
        {
            var first = block * BlockSize;
            var last = Math.Min(first + BlockSize, size);
            var range = Expression.AndAlso(
                Expression.GreaterThanOrEqual(sequence, Expression.Constant(first)),
                Expression.LessThan(sequence, Expression.Constant(last)));
            any = any is null ? range : Expression.OrElse(any, range);
        }

        return Expression.Lambda<Func<JournalEntryRow, bool>>(any ?? Expression.Constant(false), row);
    }
}
