using Microsoft.EntityFrameworkCore;

namespace Vigie.Storage.Notices;

/// <summary>
/// The per-incident run lock (see <see cref="NoticeRunLockRow"/>). Acquiring takes a free lock, or takes over one
/// whose heartbeat is older than the stale age or whose holder the caller knows to be dead; the takeover is a
/// compare-and-set on the previous owner and heartbeat, so two contenders cannot both win.
/// </summary>
public static class NoticeRunLock
{
    /// <summary>Who holds the lock now, or null.</summary>
    public static async Task<NoticeRunLockRow?> HolderAsync(VigieDbContext db, string incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.NoticeRuns.AsNoTracking().FirstOrDefaultAsync(r => r.IncidentId == incidentId, ct).ConfigureAwait(false);
    }

    /// <summary>Tries to take the lock; false when another live run holds it.</summary>
    /// <param name="db">A context (its change tracker is not used).</param>
    /// <param name="incidentId">The incident.</param>
    /// <param name="owner">This run's owner string.</param>
    /// <param name="now">The current time.</param>
    /// <param name="staleAfter">A heartbeat older than this means the holder is gone.</param>
    /// <param name="isDead">True for an owner known to be dead (a process of this machine that no longer exists).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<bool> TryAcquireAsync(VigieDbContext db, string incidentId, string owner, DateTimeOffset now, TimeSpan staleAfter,
        Func<string, bool> isDead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(isDead);
        var current = await HolderAsync(db, incidentId, ct).ConfigureAwait(false);
        if (current is null)
        {
            db.NoticeRuns.Add(new NoticeRunLockRow { IncidentId = incidentId, Owner = owner, AcquiredAt = now, HeartbeatAt = now });
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException)
            {
                return false; // Another run inserted it first.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (current.Owner != owner && current.HeartbeatAt > now - staleAfter && !isDead(current.Owner))
        {
            return false;
        }

        var taken = await db.NoticeRuns.Where(r => r.IncidentId == incidentId && r.Owner == current.Owner && r.HeartbeatAt == current.HeartbeatAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Owner, owner).SetProperty(r => r.AcquiredAt, now).SetProperty(r => r.HeartbeatAt, now), ct)
            .ConfigureAwait(false);
        return taken == 1;
    }

    /// <summary>Refreshes the heartbeat; false when the lock was taken over (the run must stop claiming).</summary>
    public static async Task<bool> HeartbeatAsync(VigieDbContext db, string incidentId, string owner, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.NoticeRuns.Where(r => r.IncidentId == incidentId && r.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), ct).ConfigureAwait(false) == 1;
    }

    /// <summary>Releases the lock if this run still holds it.</summary>
    public static async Task ReleaseAsync(VigieDbContext db, string incidentId, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.NoticeRuns.Where(r => r.IncidentId == incidentId && r.Owner == owner).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }
}
