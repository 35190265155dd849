using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Vigie.Storage.Registry;

/// <summary>
/// Merge and unmerge of regional identities: both reversible and recorded. A merge makes the source inactive
/// with a replaced-by link to the target and moves the source's local records onto the target; the event
/// remembers exactly which records moved so that unmerge restores them, even after later registrations.
/// </summary>
public sealed class IdentityMerging(VigieDbContext db, TimeProvider clock)
{
    public enum Result
    {
        Done,
        NotFound,
        SameIdentity,
        SourceInactive,
        TargetInactive,
        AlreadyUndone,
        NotLatest,
    }

    public async Task<(Result Result, long EventId)> MergeAsync(string sourceId, string targetId, string actor, CancellationToken ct)
    {
        if (sourceId == targetId)
        {
            return (Result.SameIdentity, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var source = await db.Identities.FirstOrDefaultAsync(i => i.Id == sourceId, ct).ConfigureAwait(false);
        var target = await db.Identities.FirstOrDefaultAsync(i => i.Id == targetId, ct).ConfigureAwait(false);
        if (source is null || target is null)
        {
            return (Result.NotFound, 0);
        }

        if (!source.Active)
        {
            return (Result.SourceInactive, 0);
        }

        if (!target.Active)
        {
            return (Result.TargetInactive, 0);
        }

        var now = clock.GetUtcNow();
        var moved = await db.LocalRecords.Where(l => l.IdentityId == sourceId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var local in moved)
        {
            local.IdentityId = targetId;
        }

        source.Active = false;
        source.ReplacedById = targetId;
        Touch(source, now);
        Touch(target, now);
        await ResolveCandidatesAsync(sourceId, targetId, DuplicateStatus.Merged, ct).ConfigureAwait(false);
        var ev = new MergeEventRow
        {
            Kind = MergeEventKind.Merge,
            SourceId = sourceId,
            TargetId = targetId,
            MovedLocalRecordIds = string.Join(',', moved.Select(l => l.Id.ToString(CultureInfo.InvariantCulture))),
            Actor = actor,
            At = now,
        };
        db.MergeEvents.Add(ev);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (Result.Done, ev.Id);
    }

    /// <summary>Reverses a merge. Only the latest merge of a source can be undone (merges may chain).</summary>
    public async Task<(Result Result, long EventId)> UnmergeAsync(long mergeEventId, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var merge = await db.MergeEvents.FirstOrDefaultAsync(e => e.Id == mergeEventId && e.Kind == MergeEventKind.Merge, ct).ConfigureAwait(false);
        if (merge is null)
        {
            return (Result.NotFound, 0);
        }

        if (await db.MergeEvents.AnyAsync(e => e.Reverses == mergeEventId, ct).ConfigureAwait(false))
        {
            return (Result.AlreadyUndone, 0);
        }

        var source = await db.Identities.FirstAsync(i => i.Id == merge.SourceId, ct).ConfigureAwait(false);
        var target = await db.Identities.FirstAsync(i => i.Id == merge.TargetId, ct).ConfigureAwait(false);
        if (source.Active || source.ReplacedById != merge.TargetId || !target.Active)
        {
            return (Result.NotLatest, 0);
        }

        var now = clock.GetUtcNow();
        var ids = merge.MovedLocalRecordIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var locals = await db.LocalRecords.Where(l => ids.Contains(l.Id)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var local in locals)
        {
            local.IdentityId = merge.SourceId;
        }

        source.Active = true;
        source.ReplacedById = null;
        Touch(source, now);
        Touch(target, now);
        await ResolveCandidatesAsync(merge.SourceId, merge.TargetId, DuplicateStatus.Rejected, ct).ConfigureAwait(false);
        var ev = new MergeEventRow
        {
            Kind = MergeEventKind.Unmerge,
            SourceId = merge.SourceId,
            TargetId = merge.TargetId,
            MovedLocalRecordIds = merge.MovedLocalRecordIds,
            Reverses = mergeEventId,
            Actor = actor,
            At = now,
        };
        db.MergeEvents.Add(ev);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (Result.Done, ev.Id);
    }

    private static void Touch(IdentityRow row, DateTimeOffset now)
    {
        row.Version++;
        row.UpdatedAt = now;
    }

    private async Task ResolveCandidatesAsync(string a, string b, DuplicateStatus status, CancellationToken ct)
    {
        var (first, second) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
        var pair = await db.DuplicateCandidates.FirstOrDefaultAsync(d => d.IdentityA == first && d.IdentityB == second, ct).ConfigureAwait(false);
        if (pair is not null)
        {
            pair.Status = status;
        }
    }
}
