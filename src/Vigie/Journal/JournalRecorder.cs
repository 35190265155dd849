using System.Diagnostics;
using System.Diagnostics.Metrics;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// The host's door to the journal: hands a request's entries to the process's <see cref="JournalWriter"/> and
/// waits until they are durable. Any failure becomes <see cref="JournalUnavailableException"/> (503), so an
/// endpoint that awaits this before rendering its answer cannot send unaudited data.
/// </summary>
internal sealed class JournalRecorder(JournalWriter writer, OwnJournalAppends own, ILogger<JournalRecorder> logger)
{
    /// <summary>The meter the benchmarks and OpenTelemetry read the journaling overhead from.</summary>
    public const string MeterName = "Vigie.Journal";

    private static readonly Meter Meter = new(MeterName);

    // Milliseconds a request waited for its entries to become durable: the whole overhead the journal adds to it.
    private static readonly Histogram<double> AppendWait = Meter.CreateHistogram<double>("vigie.journal.append.wait", "ms");

    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            // The write is tracked to its end even if this request stops waiting: its entries are this node's own.
            await own.AppendAsync(() => writer.AppendAsync(entries, CancellationToken.None)).WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogMessages.JournalUnavailable(logger, entries.Count, e.GetType().Name);
            throw new JournalUnavailableException(e);
        }

        AppendWait.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
