using Microsoft.EntityFrameworkCore;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// The process's journal writer: requests hand it their entries and wait until those are durable. Appends that
/// arrive while a transaction commits are grouped into the next one (group commit), so the commit latency of the
/// disk is paid once per group, not per request: that is what makes tens of thousands of durable entries a second
/// possible on a single SQLite file. It also signs a checkpoint at least every <see cref="JournalWriterOptions.CheckpointInterval"/>
/// while entries arrive (and once more after they stop), and hands each checkpoint to the witnesses.
/// </summary>
/// <remarks>
/// Fail closed: when a transaction fails, every request in it gets the exception, and the host answers 503.
/// One writer per process; several processes (nodes on one PostgreSQL) each run their own and queue on the
/// journal lock.
/// </remarks>
public sealed class JournalWriter : IAsyncDisposable
{
    private readonly Func<VigieDbContext> _newContext;
    private readonly JournalSigningKey _key;
    private readonly TimeProvider _clock;
    private readonly JournalWriterOptions _options;
    private readonly IReadOnlyList<ICheckpointWitness> _witnesses;
    private readonly ILogger _logger;
    // Not SingleReader, although the loop is the only reader: the single-reader channel cannot count its items, and
    // a caller looks at the count to know whether it may write its own entries (TryWriteNow).
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();

    // Capacity one, dropping the oldest: a slow witness gets the latest checkpoint, which implies all earlier ones.
    private readonly Channel<SignedCheckpoint> _toWitness = Channel.CreateBounded<SignedCheckpoint>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly WalCheckpoints _walCheckpoints;
    private readonly Task _writing;
    private readonly Task _witnessing;

    // One group at a time, written either by the write loop or, when the writer is idle, by the appending caller
    // itself (see AppendAsync). Everything below is used only by whoever holds it.
    private readonly SemaphoreSlim _turn = new(1, 1);

    // The kept context and the appender holding its prepared statements.
    private VigieDbContext? _db;
    private JournalAppender? _appender;

    // Entries committed since the last checkpoint: the loop signs one when traffic stops.
    private bool _uncovered;

    // Set by the loop as it ends: no caller writes after that.
    private bool _stopped;

    public JournalWriter(
        Func<VigieDbContext> newContext,
        JournalSigningKey key,
        TimeProvider clock,
        JournalWriterOptions? options = null,
        IEnumerable<ICheckpointWitness>? witnesses = null,
        ILogger<JournalWriter>? logger = null)
    {
        _newContext = newContext;
        _key = key;
        _clock = clock;
        _options = options ?? new JournalWriterOptions();
        _witnesses = [.. witnesses ?? []];
        _logger = logger ?? NullLogger<JournalWriter>.Instance;
        _walCheckpoints = new WalCheckpoints(newContext, _logger, _options.WalCheckpointInterval, _options.WalRestartPages);
        _writing = Task.Run(WriteLoopAsync);
        _witnessing = Task.Run(WitnessLoopAsync);
    }

    /// <summary>
    /// Completes once the entries are durable (committed with fsync), in order and without gaps. Throws when the
    /// journal cannot be written: the caller must then not send the data (fail closed). Cancelling stops the
    /// wait, not the write: entries already handed over may still be journaled.
    /// </summary>
    public Task<JournalReceipt> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return (TryWriteNow(entries) ?? Enqueue(entries, force: false)).WaitAsync(ct);
    }

    // When nothing is queued and no group is being written, the caller writes its own entries as a group of one, on
    // its own thread: the hand-off to the loop and back (a thread-pool wake-up each way) was a measured part of the
    // journal wait's tail on a loaded machine (docs/benchmarks.md, journaling overhead). With SQLite the whole write
    // then runs synchronously and the task comes back completed. The group is the same transaction the loop would
    // have written (commit before completion, every failure to the caller), and appends that arrive meanwhile queue
    // for the loop, which takes its turn after this one.
    private Task<JournalReceipt>? TryWriteNow(IReadOnlyList<JournalEntry> entries)
    {
        if (!_options.CallerWritesWhenIdle || _queue.Reader.Count > 0 || !_turn.Wait(0))
        {
            return null;
        }

        if (_stopped || _queue.Reader.Count > 0)
        {
            _turn.Release();
            return null;
        }

        var pending = new PendingAppend(entries, force: false);
        return WriteNowAsync(pending);
    }

    private async Task<JournalReceipt> WriteNowAsync(PendingAppend pending)
    {
        try
        {
            await WriteGroupAsync([pending], pending.Entries.Count, pending.Force).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }

        return await pending.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>Signs a checkpoint of everything appended so far, if anything is not yet covered (shutdown, tests, before a prune).</summary>
    public async Task<SignedCheckpoint?> CheckpointAsync(CancellationToken ct = default) =>
        (await Enqueue([], force: true).WaitAsync(ct).ConfigureAwait(false)).Checkpoint;

    /// <summary>Stops taking entries, writes what is queued, signs a last checkpoint and delivers it to the witnesses.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
        await _walCheckpoints.DrainAsync().ConfigureAwait(false);
        _toWitness.Writer.TryComplete();
        await _witnessing.ConfigureAwait(false);
    }

    private Task<JournalReceipt> Enqueue(IReadOnlyList<JournalEntry> entries, bool force)
    {
        var pending = new PendingAppend(entries, force);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException<JournalReceipt>(new ObjectDisposedException(nameof(JournalWriter), "The journal writer is stopped"));
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        while (true)
        {
            var ready = await WaitForWorkAsync(reader).ConfigureAwait(false);
            await _turn.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!ready && reader.Completion.IsCompleted)
                {
                    if (_uncovered)
                    {
                        await WriteAsync([], force: true).ConfigureAwait(false);
                    }

                    _stopped = true;
                    return;
                }

                // Take what is queued now, up to the batch limit: these are the appends that arrived during the last commit.
                batch.Clear();
                var count = 0;
                var force = false;
                while ((count < _options.MaxBatchEntries || batch.Count == 0) && reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    count += pending.Entries.Count;
                    force |= pending.Force;
                }

                // Nothing queued is the checkpoint timer: an empty group signs if entries are uncovered and the last
                // checkpoint is old enough.
                if (batch.Count > 0 || _uncovered)
                {
                    await WriteGroupAsync(batch, count, force).ConfigureAwait(false);
                }

                // Here, never on a caller's own write (TryWriteNow): the caller would wait for it. With one client
                // the loop still wakes on its checkpoint timer, so the WAL is restarted at least that often.
                if (_walCheckpoints.RestartDue && _db is { } db)
                {
                    await _walCheckpoints.RestartLogAsync(db).ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }
    }

    // Holding the turn: writes the group and notes whether its entries are left without a checkpoint.
    private async Task WriteGroupAsync(List<PendingAppend> batch, int count, bool force)
    {
        var result = await WriteAsync(batch, force).ConfigureAwait(false);
        if (result is not null)
        {
            _uncovered = result.Checkpoint is null && (count > 0 || _uncovered);
        }
    }

    // True when appends are queued; false when the channel is completed and empty, or when the checkpoint interval
    // passes. The timer runs even while every entry is covered: a caller writing on its own thread (TryWriteNow) may
    // leave entries uncovered while the loop waits.
    private async Task<bool> WaitForWorkAsync(ChannelReader<PendingAppend> reader)
    {
        using var timer = new CancellationTokenSource(_options.CheckpointInterval, _clock);
        try
        {
            return await reader.WaitToReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<JournalAppendResult?> WriteAsync(List<PendingAppend> batch, bool force)
    {
        var entries = batch.Count == 1 ? batch[0].Entries : [.. batch.SelectMany(p => p.Entries)];
        try
        {
            var db = _db ??= await OpenAsync().ConfigureAwait(false);
            _appender ??= new JournalAppender(db, _key, _clock, _options.CheckpointInterval) { Phases = _options.Phases, KeepCommands = true };
            var result = await _appender.AppendAsync(entries, force, CancellationToken.None).ConfigureAwait(false);
            var sequence = result.FirstSequence;
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(new JournalReceipt(sequence, pending.Entries.Count, result.Checkpoint));
                sequence += pending.Entries.Count;
            }

            if (result.Checkpoint is { } checkpoint && _witnesses.Count > 0)
            {
                _toWitness.Writer.TryWrite(checkpoint);
            }

            _walCheckpoints.AfterCommit(db);

            return result;
        }
#pragma warning disable CA1031 // Any failure of the transaction fails the requests in it (fail closed); the loop must survive for the next batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogMessages.JournalAppendFailed(_logger, entries.Count, exception.GetType().Name, exception);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            // After any failure the next group starts on a new context and connection: the old one may be broken,
            // or hold a transaction the failure left behind.
            await CloseAsync().ConfigureAwait(false);
            return null;
        }
    }

    // The writer keeps one context and its connection open between groups: a new context, a pooled open and the
    // provider's connection pragmas cost more per group than the commit's fsync (docs/benchmarks.md, journal-floor).
    private async Task<VigieDbContext> OpenAsync()
    {
        var db = _newContext();
        try
        {
            await db.Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await WalCheckpoints.DeferOnAsync(db, CancellationToken.None).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_appender is { } appender)
        {
            _appender = null;
            await appender.CloseAsync().ConfigureAwait(false);
        }

        if (_db is { } db)
        {
            _db = null;
            await db.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WitnessLoopAsync()
    {
        await foreach (var checkpoint in _toWitness.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var witness in _witnesses)
            {
                try
                {
                    await witness.SubmitAsync(checkpoint, CancellationToken.None).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A witness that is down must not stop the journal; the next checkpoint is retried.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogMessages.WitnessFailed(_logger, checkpoint.Checkpoint.TreeSize, witness.GetType().Name, exception.GetType().Name);
                }
            }
        }
    }
}
