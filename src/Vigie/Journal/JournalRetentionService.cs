using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// Prunes journal entries older than the retention period once per interval, in steps that each leave a signed
/// checkpoint at the boundary (see <see cref="JournalPruning"/>), so what remains still verifies. With several nodes
/// each runs it; the journal lock serialises them and a second pass finds nothing to do.
/// </summary>
internal sealed class JournalRetentionService(VigieSettings settings, JournalSigningKey key, JournalWriter writer, TimeProvider clock, ILogger<JournalRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Journal.RetentionInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var result = await JournalPruning.PruneAsync(() => StorageSetup.CreateContext(settings), key, clock, settings.Journal.RetentionMonths, stoppingToken).ConfigureAwait(false);
                LogMessages.JournalPruned(logger, result.EntriesRemoved, result.PrunedBefore);
                if (result.EntriesRemoved > 0)
                {
                    // The pruning itself is on the record, by the server, with what it removed.
                    var entry = new JournalEntry(clock.GetUtcNow(), new JournalActor("vigie:retention", null, null), JournalRequest.None, JournalAction.RetentionPrune,
                        null, DisclosedData.None, FormattableString.Invariant($"removed={result.EntriesRemoved};before={result.PrunedBefore}"), null, JournalOutcome.Success);
                    await writer.AppendAsync([entry], stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Pruning late is harmless (more than six months kept); the next pass retries.
                LogMessages.JournalPruneFailed(logger, e.GetType().Name);
            }
        }
    }
}
