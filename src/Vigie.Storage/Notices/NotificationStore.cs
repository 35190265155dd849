using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;

namespace Vigie.Storage.Notices;

/// <summary>
/// The notification table's state machine: plan (pending), claim (sending) before handing a message to a channel,
/// confirm (sent) after the channel accepted it, or retry later / fail. A claim is committed before anything is
/// sent, so a crash leaves every message the run touched in <c>sending</c>, where the next run finds it.
/// </summary>
public static class NotificationStore
{
    private const int PlanChunk = 1000;

    /// <summary>The people of <paramref name="incidentId"/> who already have a notification (planned in an earlier run).</summary>
    public static async Task<HashSet<string>> PlannedPatientsAsync(VigieDbContext db, string incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incidentId).Select(n => n.PatientId).ToListAsync(ct).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Inserts new notifications, one transaction per thousand rows.</summary>
    public static async Task PlanAsync(VigieDbContext db, string incidentId, IReadOnlyList<PlannedNotification> planned, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(planned);
        for (var start = 0; start < planned.Count; start += PlanChunk)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var insert = await BulkInsert<NotificationRow>.PrepareAsync(db, ct).ConfigureAwait(false))
            {
                foreach (var p in planned.Skip(start).Take(PlanChunk))
                {
                    var failed = p.FailedBecause is not null;
                    await insert.InsertAsync(new NotificationRow
                    {
                        IncidentId = incidentId,
                        PatientId = p.PatientId,
                        Channel = (int)p.Channel,
                        ReferenceHash = p.ReferenceHash,
                        SealedReference = failed ? null : p.SealedReference,
                        MessageId = p.MessageId,
                        Status = (int)(failed ? NotificationStatus.Failed : NotificationStatus.Pending),
                        PlannedAt = now,
                        FailedAt = failed ? now : null,
                        LastError = NoticeLimits.Cut(p.FailedBecause, NoticeLimits.Error),
                    }, ct).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> notifications of one channel that are in <paramref name="from"/> status
    /// (pending, or sending when resuming after a dead run), in id order after <paramref name="afterId"/>, and commits
    /// the claim before returning. The caller must hold the incident's run lock.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(VigieDbContext db, string incidentId, NoticeChannel channel, NotificationStatus from,
        long afterId, int max, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.IncidentId == incidentId && n.Channel == (int)channel && n.Status == (int)from && n.Id > afterId)
            .OrderBy(n => n.Id).Take(max)
            .Select(n => new ClaimedNotification(n.Id, n.PatientId, (NoticeChannel)n.Channel, n.SealedReference, n.MessageId, n.Attempts + 1, n.PlannedAt))
            .ToListAsync(ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var claimed = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == (int)from)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, (int)NotificationStatus.Sending).SetProperty(n => n.ClaimedAt, now).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct)
            .ConfigureAwait(false);
        if (claimed != ids.Length)
        {
            throw new InvalidOperationException("another run changed notifications being claimed: is the run lock held?");
        }

        return rows;
    }

    /// <summary>Marks delivered messages sent, in one transaction; the sealed reference is erased, only its hash remains.</summary>
    public static async Task ConfirmAsync(VigieDbContext db, IReadOnlyList<Delivery> deliveries, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deliveries);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        foreach (var d in deliveries)
        {
            var provider = NoticeLimits.Cut(d.ProviderMessageId, NoticeLimits.ProviderMessageId);
            await db.Notifications.Where(n => n.Id == d.Id && n.Status == (int)NotificationStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, (int)NotificationStatus.Sent).SetProperty(n => n.SentAt, now)
                    .SetProperty(n => n.ProviderMessageId, provider).SetProperty(n => n.MaskedDestination, d.MaskedDestination)
                    .SetProperty(n => n.SealedReference, (byte[]?)null).SetProperty(n => n.LastError, (string?)null), ct)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A transient failure: back to pending for a later attempt, or failed once <paramref name="maxAttempts"/> is reached.</summary>
    public static Task RetryLaterAsync(VigieDbContext db, ClaimedNotification claimed, string error, int maxAttempts, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return claimed.Attempts >= maxAttempts
            ? FailAsync(db, claimed.Id, $"{error} (after {claimed.Attempts} attempts)", now, ct)
            : SetAsync(db, claimed.Id, NotificationStatus.Pending, error, null, ct);
    }

    /// <summary>A permanent failure (address refused, no contact): recorded with its reason, never retried by a run.</summary>
    public static Task FailAsync(VigieDbContext db, long id, string error, DateTimeOffset now, CancellationToken ct) =>
        SetAsync(db, id, NotificationStatus.Failed, error, now, ct);

    /// <summary>
    /// Gives claimed notifications back untouched (the run stops before handing them to the channel, or cannot render
    /// them): back to pending, and the claim does not count as an attempt.
    /// </summary>
    public static async Task ReleaseAsync(VigieDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Notifications.Where(n => chunk.Contains(n.Id) && n.Status == (int)NotificationStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, (int)NotificationStatus.Pending).SetProperty(n => n.Attempts, n => n.Attempts - 1), ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Counts per channel and status for one incident.</summary>
    public static async Task<IReadOnlyList<NotificationCount>> CountAsync(VigieDbContext db, string incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incidentId)
            .GroupBy(n => new { n.Channel, n.Status }).Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. groups.OrderBy(g => g.Channel).ThenBy(g => g.Status).Select(g => new NotificationCount((NoticeChannel)g.Channel, (NotificationStatus)g.Status, g.Count))];
    }

    /// <summary>The portal's lookup by keyed hash; null when no notification carries that reference.</summary>
    public static async Task<NotificationLookup?> FindAsync(VigieDbContext db, byte[] referenceHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Notifications.AsNoTracking().Where(n => n.ReferenceHash == referenceHash)
            .Select(n => new { n.Id, n.Status, n.Channel, n.MaskedDestination, n.SentAt, n.ClaimedAt })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : new NotificationLookup(row.Id, (NotificationStatus)row.Status, (NoticeChannel)row.Channel, row.MaskedDestination, row.SentAt ?? row.ClaimedAt);
    }

    private static async Task SetAsync(VigieDbContext db, long id, NotificationStatus status, string error, DateTimeOffset? failedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var message = NoticeLimits.Cut(error, NoticeLimits.Error);
        await db.Notifications.Where(n => n.Id == id && n.Status == (int)NotificationStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, (int)status).SetProperty(n => n.LastError, message).SetProperty(n => n.FailedAt, failedAt), ct)
            .ConfigureAwait(false);
    }
}
