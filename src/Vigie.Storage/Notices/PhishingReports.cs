using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;

namespace Vigie.Storage.Notices;

/// <summary>Stores reports and groups them into campaigns by shared keys (see Vigie.Core.Notices.CampaignKeys).</summary>
public static class PhishingReports
{
    /// <summary>A stored report and the campaign it joined.</summary>
    public sealed record Stored(long ReportId, long CampaignId, bool NewCampaign);

    /// <summary>
    /// Stores one report in one transaction: the campaign owning any of <paramref name="keys"/> (the oldest when
    /// several do; campaigns are not merged) or a new one, the keys it did not own yet, its counters, the report.
    /// Two reports racing to open the same campaign: the loser's key insert fails and it retries, joining the winner.
    /// </summary>
    public static async Task<Stored> StoreAsync(VigieDbContext db, SuspiciousMessage message, int medium, IReadOnlyList<string> keys, string? reporterIpHash,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(keys);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStoreAsync(db, message, medium, keys, reporterIpHash, now, ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Stored> TryStoreAsync(VigieDbContext db, SuspiciousMessage message, int medium, IReadOnlyList<string> keys, string? reporterIpHash,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var keyArray = keys.ToArray();
        var owned = await db.PhishingCampaignKeys.AsNoTracking().Where(k => keyArray.Contains(k.Key)).ToListAsync(ct).ConfigureAwait(false);
        long campaignId;
        var isNew = owned.Count == 0;
        if (isNew)
        {
            var campaign = new PhishingCampaignRow { Label = keys[0], FirstSeen = now, LastSeen = now };
            db.PhishingCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            campaignId = campaign.Id;
        }
        else
        {
            campaignId = owned.Min(k => k.CampaignId);
        }

        // Counters move in SQL (count + 1), so concurrent reports of one campaign never lose an update.
        await db.PhishingCampaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount + 1).SetProperty(c => c.LastSeen, c => c.LastSeen < now ? now : c.LastSeen), ct)
            .ConfigureAwait(false);
        var known = owned.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        db.PhishingCampaignKeys.AddRange(keys.Where(k => !known.Contains(k)).Select(k => new PhishingCampaignKeyRow { Key = k, CampaignId = campaignId }));
        var report = new PhishingReportRow
        {
            ReceivedAt = now,
            Text = message.Text,
            Sender = message.Sender,
            Headers = message.Headers,
            Medium = medium,
            ReporterIpHash = reporterIpHash,
            CampaignId = campaignId,
        };
        db.PhishingReports.Add(report);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new Stored(report.Id, campaignId, isNew);
    }
}
