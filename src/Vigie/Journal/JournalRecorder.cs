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

    // Milliseconds from handing a request's entries over to their being durable. For a request that awaits the
    // append before rendering its answer, this is the whole overhead the journal adds to it.
    private static readonly Histogram<double> AppendWait = Meter.CreateHistogram<double>("vigie.journal.append.wait", "ms");

    // Milliseconds a rendered answer was held until its entries were durable (Begin, then JournalInFlight.DurableAsync):
    // for a request that renders while its entries are written, the delay the journal adds to it.
    private static readonly Histogram<double> AnswerHeld = Meter.CreateHistogram<double>("vigie.journal.answer.held", "ms");

    /// <summary>
    /// Starts the append on the thread pool and returns at once, so that the caller renders its answer while the
    /// entries are written (the commit's fsync leaves the CPU free). The caller must await
    /// <see cref="JournalInFlight.DurableAsync"/> before it returns its answer: that is what keeps it fail-closed.
    /// </summary>
    public JournalInFlight Begin(IReadOnlyList<JournalEntry> entries, CancellationToken ct) =>
        new(Task.Run(() => AppendAsync(entries, ct), CancellationToken.None));

    /// <summary>An append started by <see cref="Begin"/>.</summary>
    public readonly struct JournalInFlight(Task append)
    {
        /// <summary>Completes once the entries are durable; throws <see cref="JournalUnavailableException"/> (503) when they cannot be.</summary>
        public async Task DurableAsync()
        {
            var ready = Stopwatch.GetTimestamp();
            await append.ConfigureAwait(false);
            AnswerHeld.Record(Stopwatch.GetElapsedTime(ready).TotalMilliseconds);
        }
    }

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
