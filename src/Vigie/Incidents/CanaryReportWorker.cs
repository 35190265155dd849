using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// Attributes portal reports that name canary contacts, off the request: the reporter's answer must not take longer
/// when a canary is named, or timing the portal would tell an attacker which addresses of a leaked list are canaries.
/// The portal only queues the stored report's id. Ids still queued when the node stops are not lost evidence (the
/// report is stored): `vigie canary message --report ID` attributes one again.
/// </summary>
internal sealed class CanaryReportWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CanaryReportWorker> logger) : BackgroundService
{
    private readonly Channel<long> _reports = Channel.CreateBounded<long>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues a stored report; false (and logged) when the queue is full.</summary>
    public bool Enqueue(long reportId)
    {
        if (_reports.Writer.TryWrite(reportId))
        {
            return true;
        }

        LogMessages.CanaryReportAttributionFailed(logger, reportId, "QueueFull");
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _reports.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await AttributeAsync(id, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One report's failure (database restarting) must not stop the others; it is logged with the command that redoes it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogMessages.CanaryReportAttributionFailed(logger, id, exception.GetType().Name);
            }
        }
    }

    private async Task AttributeAsync(long id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var report = await db.PhishingReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        if (report is null)
        {
            return;
        }

        var mentions = ContactMentions.In(report.Sender, report.Headers, report.Text);
        if (!mentions.IsEmpty)
        {
            await CanaryHits.RecordAsync(db, mentions, new CanaryAttribution.Hit(CanaryHitSource.PhishingReport, report.ReceivedAt, PhishingReportId: id),
                clock.GetUtcNow(), logger, ct).ConfigureAwait(false);
        }
    }
}
