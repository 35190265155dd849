using Microsoft.EntityFrameworkCore;
using Vigie.Hosting;

namespace Vigie.Demo;

/// <summary>Shows the alerts the server stores as they appear (the same table GET /admin/alerts reads), once a second.</summary>
internal sealed class DemoAlertFeed(VigieSettings settings, DemoConsole console)
{
    private long _last;

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await ShowNewAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The day is over.
        }
    }

    public async Task ShowNewAsync(CancellationToken ct)
    {
        await using var db = StorageSetup.CreateContext(settings);
        var fresh = await db.Alerts.AsNoTracking().Where(a => a.Id > _last).OrderBy(a => a.Id).Take(100).ToListAsync(ct).ConfigureAwait(false);
        foreach (var alert in fresh)
        {
            console.Alert(alert);
            _last = alert.Id;
        }
    }
}
