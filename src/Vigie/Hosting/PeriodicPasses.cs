namespace Vigie.Hosting;

/// <summary>
/// The loop of the node's background workers (evidence pull, step-up review, alert delivery, owner notices): one pass
/// every interval until the host stops. A pass that fails on an outage the next pass can recover from (the database
/// or a relay away) is reported through the retried filter, which logs it and returns true; any other
/// exception is a bug and ends the worker, as the host's policy for background services decides.
/// </summary>
internal static class PeriodicPasses
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, bool passAtStart, Func<CancellationToken, Task> pass,
        Func<Exception, bool> retried, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        var due = passAtStart || await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        while (due)
        {
            try
            {
                await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (retried(e))
            {
                // Logged by the filter; the next pass starts over.
            }

            due = await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
