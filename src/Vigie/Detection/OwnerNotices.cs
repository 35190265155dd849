using System.Globalization;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Hosting;
using Vigie.Notices;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Detection;

/// <summary>
/// Tells professionals by email when their account or one of their sessions is suspended ("was this you?").
/// Each enforced suspension gets one notification row, in the notices table under the incident id
/// <c>confinement/{containment id}</c> with the professional's national id as the person: its unique index makes
/// the planning idempotent across nodes, and its reference is checkable on the public portal like any notice
/// (decision 0008). A row is claimed by one node before sending; failures are logged (ids only) and retried at the
/// next passes, up to <see cref="MaxAttempts"/>; a row left sending by a crash is sent again with the same
/// Message-ID.
/// </summary>
internal sealed class OwnerNotices(VigieSettings settings, NoticeKeys keys, TimeProvider clock, ILogger<OwnerNotices> logger) : BackgroundService
{
    // A '/' is refused in the incident ids `vigie notify` takes, so no notice run can share these rows.
    public const string IncidentPrefix = "confinement/";
    public const int MaxAttempts = 10;

    // Suspensions older than this are not announced any more (a node started long after them, or SMTP set up later).
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Detection.OwnerSmtp is null)
        {
            LogMessages.OwnerNoticesOff(logger);
            return;
        }

        await PeriodicPasses.RunAsync(settings.Detection.SyncInterval, clock, passAtStart: true, PassAsync, e =>
        {
            if (e is not (System.Data.Common.DbException or DbUpdateException or InvalidOperationException or TimeoutException))
            {
                return false;
            }

            LogMessages.OwnerNoticePassFailed(logger, e.GetType().Name);
            return true;
        }, stoppingToken).ConfigureAwait(false);
    }

    internal async Task PassAsync(CancellationToken ct)
    {
        var smtp = settings.Detection.OwnerSmtp ?? throw new InvalidOperationException("no SMTP relay for owner notices");
        await using var db = StorageSetup.CreateContext(settings);
        await PlanAsync(db, smtp, ct).ConfigureAwait(false);
        await SendAsync(db, smtp, ct).ConfigureAwait(false);
    }

    /// <summary>One notification row per recent enforced suspension that has none yet.</summary>
    private async Task PlanAsync(VigieDbContext db, SmtpOptions smtp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recent = (await db.Containments.AsNoTracking().Where(c => c.Enforced).OrderByDescending(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.ProfessionalId, c.SuspendedAt, c.Scope }).ToListAsync(ct).ConfigureAwait(false))
            .Where(c => now - c.SuspendedAt < Horizon).ToList();
        if (recent.Count == 0)
        {
            return;
        }

        // A canary suspends the session and the account at once: one message, about the account.
        var accounts = recent.Where(c => c.Scope == 1).ToList();
        recent = [.. recent.Where(c => c.Scope == 1 || !accounts.Any(a => a.ProfessionalId == c.ProfessionalId && (a.SuspendedAt - c.SuspendedAt).Duration() < TimeSpan.FromMinutes(1)))];
        var ids = recent.Select(c => IncidentOf(c.Id)).ToList();
        var planned = (await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.IncidentId)).Select(n => n.IncidentId).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var held in recent.Where(c => !planned.Contains(IncidentOf(c.Id))))
        {
            var email = await EmailOfAsync(db, held.ProfessionalId, ct).ConfigureAwait(false);
            var reference = VerificationReference.Generate(RandomNumberGenerator.Fill);
            var messageId = NoticeKeys.NewMessageId(smtp.From.Domain);
            var row = new NotificationRow
            {
                IncidentId = IncidentOf(held.Id),
                PatientId = held.ProfessionalId,
                Channel = (int)(email is null ? NoticeChannel.None : NoticeChannel.Email),
                ReferenceHash = keys.LookupHash(reference),
                SealedReference = email is null ? null : keys.Seal(reference, messageId),
                MessageId = messageId,
                Status = (int)(email is null ? NotificationStatus.Failed : NotificationStatus.Pending),
                PlannedAt = now,
                FailedAt = email is null ? now : null,
                LastError = email is null ? "no email registered for this professional" : null,
            };
            db.Notifications.Add(row);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                if (email is null)
                {
                    LogMessages.OwnerNoticeNoEmail(logger, held.Id);
                }
            }
            catch (DbUpdateException)
            {
                // Another node planned it first (unique incident and person): theirs is the one.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task SendAsync(VigieDbContext db, SmtpOptions smtp, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.IncidentId.StartsWith(IncidentPrefix) && n.Channel == (int)NoticeChannel.Email
                        && (n.Status == (int)NotificationStatus.Pending || n.Status == (int)NotificationStatus.Sending))
            .OrderBy(n => n.Id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        SmtpClient? client = null;
        try
        {
            foreach (var row in candidates.Where(n => n.Status == (int)NotificationStatus.Pending || now - n.ClaimedAt > StaleClaim))
            {
                // Claimed by one node only: the status moves from what this pass read to Sending, or someone else has it.
                var status = row.Status;
                var claimed = await db.Notifications.Where(n => n.Id == row.Id && n.Status == status && n.Attempts == row.Attempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, (int)NotificationStatus.Sending).SetProperty(n => n.ClaimedAt, now), ct).ConfigureAwait(false);
                if (claimed == 1)
                {
                    client = await SendOneAsync(db, smtp, client, row, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
                }

                client.Dispose();
            }
        }
    }

    private async Task<SmtpClient?> SendOneAsync(VigieDbContext db, SmtpOptions smtp, SmtpClient? client, NotificationRow row, CancellationToken ct)
    {
        _ = long.TryParse(row.IncidentId[IncidentPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var containmentId);
        var held = await db.Containments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == containmentId, ct).ConfigureAwait(false);
        var email = await EmailOfAsync(db, row.PatientId, ct).ConfigureAwait(false);
        string? error = null;
        var permanent = email is null || row.SealedReference is null || held is null;
        string? reply = null;
        if (!permanent)
        {
            try
            {
                client ??= new SmtpClient { Timeout = 60_000 };
                if (!client.IsConnected)
                {
                    await smtp.ConnectAsync(client, ct).ConfigureAwait(false);
                }

                var zone = ZoneOf(settings.Detection.TimeZone);
                using var message = OwnerNotice.Build(smtp.From, email!, held!.Scope == 1, held.SuspendedAt, zone, keys.Unseal(row.SealedReference!, row.MessageId),
                    settings.Detection.PortalAddress, row.MessageId, row.PlannedAt);
                reply = await client.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (SmtpCommandException e)
            {
                error = "SMTP " + (int)e.StatusCode;
                permanent = (int)e.StatusCode >= 500;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException
                                           or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException)
            {
                error = e.GetType().Name;
                client?.Dispose();
                client = null;
            }
        }
        else
        {
            error = held is null ? "containment not found" : "no email registered for this professional";
        }

        var now = clock.GetUtcNow();
        var attempts = row.Attempts + 1;
        if (error is null)
        {
            await db.Notifications.Where(n => n.Id == row.Id).ExecuteUpdateAsync(u => u
                .SetProperty(n => n.Status, (int)NotificationStatus.Sent).SetProperty(n => n.SentAt, now).SetProperty(n => n.Attempts, attempts)
                .SetProperty(n => n.SealedReference, (byte[]?)null).SetProperty(n => n.LastError, (string?)null)
                .SetProperty(n => n.MaskedDestination, DestinationMask.For(NoticeChannel.Email, email))
                .SetProperty(n => n.ProviderMessageId, reply == null ? null : reply.Length > 200 ? reply[..200] : reply), ct).ConfigureAwait(false);
            LogMessages.OwnerNoticeSent(logger, containmentId, row.Id);
            return client;
        }

        var failed = permanent || attempts >= MaxAttempts;
        await db.Notifications.Where(n => n.Id == row.Id).ExecuteUpdateAsync(u => u
            .SetProperty(n => n.Status, (int)(failed ? NotificationStatus.Failed : NotificationStatus.Pending)).SetProperty(n => n.Attempts, attempts)
            .SetProperty(n => n.FailedAt, now).SetProperty(n => n.LastError, error), ct).ConfigureAwait(false);
        LogMessages.OwnerNoticeFailed(logger, containmentId, row.Id, attempts, error, failed);
        return client;
    }

    private static Task<string?> EmailOfAsync(VigieDbContext db, string professional, CancellationToken ct) =>
        db.Professionals.AsNoTracking().Where(p => p.NationalId == professional && p.Active && p.Email != null).OrderBy(p => p.Id)
            .Select(p => p.Email).FirstOrDefaultAsync(ct);

    private static string IncidentOf(long containmentId) => IncidentPrefix + containmentId.ToString(CultureInfo.InvariantCulture);

    private static TimeZoneInfo ZoneOf(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
