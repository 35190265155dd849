using Microsoft.EntityFrameworkCore;
using Vigie.Hosting;

namespace Vigie.Detection;

/// <summary>
/// Pushes stored alerts to the configured webhook, oldest first, and marks them delivered; a failure leaves them to
/// the next pass. Every alert also goes to the JSON log (its id, kind and level: the details, which name a
/// professional, stay behind the security officers' API).
/// </summary>
internal sealed class AlertDispatcher(VigieSettings settings, IHttpClientFactory http, TimeProvider clock, ILogger<AlertDispatcher> logger) : BackgroundService
{
    private const int Batch = 100;
    private long _logged;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicPasses.RunAsync(settings.Detection.SyncInterval, clock, passAtStart: true, PassAsync, e =>
        {
            if (e is not (HttpRequestException or DbUpdateException or InvalidOperationException or TaskCanceledException))
            {
                return false;
            }

            LogMessages.AlertDeliveryFailed(logger, e.GetType().Name);
            return true;
        }, stoppingToken);

    internal async Task PassAsync(CancellationToken ct)
    {
        await using var db = StorageSetup.CreateContext(settings);
        var fresh = await db.Alerts.AsNoTracking().Where(a => a.Id > _logged).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
        foreach (var alert in fresh)
        {
            LogMessages.AlertRaised(logger, alert.Id, alert.Kind, alert.Level);
            _logged = alert.Id;
        }

        if (settings.Detection.AlertWebhook is not { } webhook)
        {
            return;
        }

        var pending = await db.Alerts.Where(a => a.DeliveredAt == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
        using var client = http.CreateClient("alert-webhook");
        client.Timeout = TimeSpan.FromSeconds(10);
        foreach (var alert in pending)
        {
            using var response = await client.PostAsJsonAsync(webhook, AlertView.From(alert), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogMessages.AlertDeliveryFailed(logger, "HTTP " + (int)response.StatusCode);
                break;
            }

            alert.DeliveredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
    }
}
