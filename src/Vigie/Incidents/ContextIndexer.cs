using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// Keeps the request-context index close to the journal's head, so that opening an incident by IP or session, or
/// asking for pivots, only has the last few seconds of entries to index. When nothing is new it reads two rows
/// and takes no lock. Catch-up is also done by every scope that needs it, so this is an optimisation only.
/// </summary>
internal sealed class ContextIndexer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContextIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
                var indexed = await ContextIndex.CatchUpAsync(db, stoppingToken).ConfigureAwait(false);
                if (indexed > 0)
                {
                    LogMessages.ContextIndexCaughtUp(logger, indexed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The index is an optimisation: a failed round (database restarting) is logged and retried next tick.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogMessages.ContextIndexFailed(logger, exception.GetType().Name);
            }
        }
    }
}
