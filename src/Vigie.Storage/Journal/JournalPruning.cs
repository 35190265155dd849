using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Retention: deletes entries older than the retention period (never less than six months, public health code
/// art. R6113-9-2) and leaves a signed retention-boundary checkpoint carrying the Merkle frontier at the cut, from
/// which the rest still verifies. The cut falls on a multiple of 256 entries, so every stored subtree node and
/// every proof for a kept entry stays whole. Before deleting anything, the frontier at the cut (rebuilt from
/// stored nodes) is checked against the next signed checkpoint, so a tampered node table cannot be sealed in.
/// </summary>
public static class JournalPruning
{
    /// <summary>The legal floor.</summary>
    public const int MinimumRetentionMonths = 6;

    /// <summary>Entries deleted per transaction: each step holds the journal lock briefly, so appends are not held up for long.</summary>
    public const int EntriesPerStep = 100_000;

    private const long Alignment = 1L << JournalNodeRow.MinLevel;

    /// <summary>Prunes everything older than <paramref name="retentionMonths"/> calendar months, in steps.</summary>
    public static async Task<JournalPruneResult> PruneAsync(
        Func<VigieDbContext> newContext, JournalSigningKey key, TimeProvider clock, int retentionMonths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newContext);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionMonths, MinimumRetentionMonths);
        var cutoff = clock.GetUtcNow().AddMonths(-retentionMonths);
        JournalPruneResult? total = null;
        while (true)
        {
            var db = newContext();
            await using (db.ConfigureAwait(false))
            {
                var step = await StepAsync(db, key, clock, cutoff, ct).ConfigureAwait(false);
                total = total is null ? step : step with { EntriesRemoved = total.EntriesRemoved + step.EntriesRemoved, Boundary = step.Boundary ?? total.Boundary };
                if (step.EntriesRemoved == 0)
                {
                    return total;
                }
            }
        }
    }

    private static async Task<JournalPruneResult> StepAsync(VigieDbContext db, JournalSigningKey key, TimeProvider clock, DateTimeOffset cutoff, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var state = await JournalLock.AcquireAsync(db, ct).ConfigureAwait(false);
            var firstKept = await db.JournalEntries.Where(e => e.Time >= cutoff).MinAsync(e => (long?)e.Sequence, ct).ConfigureAwait(false)
                            ?? state.TreeSize;
            var boundary = Math.Min(firstKept, state.PrunedBefore + EntriesPerStep);
            boundary -= boundary % Alignment;
            if (boundary <= state.PrunedBefore)
            {
                return new JournalPruneResult(state.PrunedBefore, 0, null, null);
            }

            var frontier = await FrontierAtAsync(db, boundary, ct).ConfigureAwait(false);
            var refusal = frontier is null
                ? $"the stored subtree nodes up to {boundary} are incomplete"
                : await CheckAgainstNextCheckpointAsync(db, key, frontier, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return new JournalPruneResult(state.PrunedBefore, 0, null, refusal + "; nothing was deleted, run the journal verification");
            }

            var signed = key.Sign(new Checkpoint(key.Origin, boundary, frontier!.Root(), clock.GetUtcNow(), RetentionBoundary: true));
            await db.JournalCheckpoints.Where(c => c.TreeSize <= boundary).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await MultiRowInsert.InsertAsync(db, [JournalAppender.CheckpointRow(signed, frontier.ToBytes())], ct).ConfigureAwait(false);
            var removed = await db.JournalEntries.Where(e => e.Sequence < boundary).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.JournalState.Where(s => s.Id == JournalStateRow.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PrunedBefore, boundary), ct).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return new JournalPruneResult(boundary, removed, signed, null);
        }
    }

    // The frontier at an aligned size is made of subtrees of 256 leaves or more, all in the node table.
    private static async Task<MerkleFrontier?> FrontierAtAsync(VigieDbContext db, long size, CancellationToken ct)
    {
        var hashes = new List<MerkleHash>();
        foreach (var id in MerkleFrontier.IdsFor(size))
        {
            var hash = await db.JournalNodes.AsNoTracking()
                .Where(n => n.Level == id.Level && n.NodeIndex == id.Index)
                .Select(n => n.Hash).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (hash is null || !MerkleHash.TryRead(hash, out var value))
            {
                return null;
            }

            hashes.Add(value);
        }

        var frontier = MerkleFrontier.From(size, hashes);
        return frontier.Success ? frontier.Value : null;
    }

    private static async Task<string?> CheckAgainstNextCheckpointAsync(VigieDbContext db, JournalSigningKey key, MerkleFrontier frontier, CancellationToken ct)
    {
        var next = await db.JournalCheckpoints.AsNoTracking()
            .Where(c => c.TreeSize >= frontier.Size).OrderBy(c => c.TreeSize)
            .Select(c => c.Note).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (next is null)
        {
            return $"no signed checkpoint covers entry {frontier.Size - 1} yet";
        }

        var checkpoint = CheckpointNote.Open(next, key.PublicKey);
        if (!checkpoint.Success)
        {
            return "the checkpoint after the boundary is invalid: " + checkpoint.Error;
        }

        var leaves = await db.JournalEntries.AsNoTracking()
            .Where(e => e.Sequence >= frontier.Size && e.Sequence < checkpoint.Value.TreeSize)
            .OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToListAsync(ct).ConfigureAwait(false);
        if (leaves.Count != checkpoint.Value.TreeSize - frontier.Size || leaves.Any(l => l.Length != MerkleHash.Length))
        {
            return $"entries between {frontier.Size} and the checkpoint at {checkpoint.Value.TreeSize} are missing";
        }

        var root = frontier.Append([.. leaves.Select(l => new MerkleHash(l))]).Root();
        return root == checkpoint.Value.Root ? null : $"the history up to {frontier.Size} does not match the checkpoint at {checkpoint.Value.TreeSize}";
    }
}
