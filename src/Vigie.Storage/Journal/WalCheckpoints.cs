using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Vigie.Storage.Journal;

/// <summary>
/// Keeps SQLite's WAL checkpoints off the journal's commit path. By default the connection whose commit takes the
/// WAL past 1,000 pages copies the WAL into the database file and fsyncs it inside that commit: a stall of several
/// milliseconds that landed on every hundredth journal append, i.e. on the p99 of the requests waiting for it. The
/// journal writer's connection turns automatic checkpoints off for its own transaction, and after a commit this
/// class starts a PASSIVE checkpoint on another connection, which runs beside later commits (WAL writers are not
/// blocked by a passive checkpoint). Durability does not change: a commit is durable once its WAL frames are
/// fsynced (synchronous=FULL), checkpointed or not, and recovery replays the WAL after a crash.
/// Other connections keep SQLite's default, restored on every open by the provider's pragmas.
/// Registration uses it too (IdentityRegistration.Checkpoints), for the same reason at a larger scale.
/// </summary>
public sealed class WalCheckpoints(Func<VigieDbContext> newContext, ILogger logger, TimeSpan? interval = null, long restartPages = WalCheckpoints.DefaultRestartPages)
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The default time between two checkpoints started after commits.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The default WAL size, in pages, past which the journal writer restarts the WAL (<see cref="RestartDue"/>): 32 MiB of 4 KiB pages.</summary>
    public const long DefaultRestartPages = 8_192;

    private readonly TimeSpan _interval = interval ?? DefaultInterval;

    // Set by a background checkpoint that found the WAL past restartPages; cleared by RestartLogAsync.
    private int _restartDue;

    private Task _running = Task.CompletedTask;
    private long _lastStarted;
    private long _logFrames;

    /// <summary>Opens the context's connection with automatic checkpoints off (SQLite only; nothing elsewhere).</summary>
    public static async Task DeferOnAsync(VigieDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName != Sqlite)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0", ct).ConfigureAwait(false);
    }

    /// <summary>Called by the writer after a commit, once its callers are released: starts a checkpoint if none runs and the last is old enough.</summary>
    public void AfterCommit(VigieDbContext db)
    {
        if (db.Database.ProviderName != Sqlite || !_running.IsCompleted || Stopwatch.GetElapsedTime(_lastStarted) < _interval)
        {
            return;
        }

        _lastStarted = Stopwatch.GetTimestamp();
        _running = Task.Run(CheckpointAsync);
    }

    /// <summary>
    /// True when the WAL has grown past its limit and no background checkpoint is running: the writer should call
    /// <see cref="RestartLogAsync"/> between two groups.
    /// </summary>
    public bool RestartDue => Volatile.Read(ref _restartDue) == 1 && _running.IsCompleted;

    /// <summary>
    /// Run by the journal writer between two groups, on its own connection (outside any transaction) while it holds
    /// its turn: a checkpoint that nothing appends beside, so it copies every frame and the next commit restarts the
    /// WAL from its start. Why: under steady traffic each background checkpoint ends with newer frames behind it, so
    /// SQLite never finds the WAL wholly copied and never restarts it. The WAL grew by about 10 MB a second under the
    /// journal-overhead benchmark (480 MB in 40 s, measured): disk, crash recovery time, and page cache taken from the
    /// database. Each commit then also appends past the file's end, and an fdatasync that grows a file costs about
    /// twice one that overwrites (measured alone on this disk; docs/decisions/0022). The background checkpoint has
    /// just copied nearly everything, so this one copies only what came after it.
    /// </summary>
    public async Task RestartLogAsync(VigieDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Volatile.Write(ref _restartDue, 0);
        try
        {
            await RunAsync(db).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The write loop must go on: a failed restart is tried again after the next background checkpoint.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogMessages.WalCheckpointFailed(logger, exception.GetType().Name);
        }
    }

    /// <summary>Waits for the checkpoint in progress, if any (on shutdown).</summary>
    public Task DrainAsync() => _running;

    /// <summary>
    /// Called by a writer before it opens its transaction: when the WAL holds more than <paramref name="maxFrames"/>
    /// frames, waits for the checkpoint in progress and runs a last one, so that the transaction starts on a WAL
    /// wholly copied into the database and SQLite rewrites the WAL from its start at its first write. SQLite restarts
    /// the WAL only then; a writer that starts its next transaction while the previous commit's checkpoint still runs
    /// (registration chunks, back to back) never lets it restart, and the WAL grew without bound (24.9 GB at 900,000
    /// identities, measured): disk, and page cache taken from the database's own pages.
    /// </summary>
    public async Task RestartLogIfOverAsync(long maxFrames)
    {
        if (Interlocked.Read(ref _logFrames) <= maxFrames)
        {
            return;
        }

        await _running.ConfigureAwait(false);
        _lastStarted = Stopwatch.GetTimestamp();
        _running = CheckpointAsync();
        await _running.ConfigureAwait(false);
    }

    private async Task CheckpointAsync()
    {
        try
        {
            var db = newContext();
            await using (db.ConfigureAwait(false))
            {
                if (await RunAsync(db).ConfigureAwait(false) > restartPages)
                {
                    Volatile.Write(ref _restartDue, 1);
                }
            }
        }
#pragma warning disable CA1031 // A checkpoint that fails is retried after the next commit; the WAL only grows meanwhile.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogMessages.WalCheckpointFailed(logger, exception.GetType().Name);
        }
    }

    // A PASSIVE checkpoint on the context's connection; returns the frames in the WAL.
    private async Task<long> RunAsync(VigieDbContext db)
    {
        // One row: busy, frames in the WAL, frames copied into the database.
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var frames = await reader.ReadAsync().ConfigureAwait(false) ? reader.GetInt64(1) : 0;
                Interlocked.Exchange(ref _logFrames, frames);
                return frames;
            }
        }
    }
}
