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
public sealed class WalCheckpoints(Func<VigieDbContext> newContext, ILogger logger)
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    // Often enough to keep the WAL at a few hundred pages under the heaviest journal load, rarely enough that the
    // checkpoint's own fsyncs do not compete with every commit's.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

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
        if (db.Database.ProviderName != Sqlite || !_running.IsCompleted || Stopwatch.GetElapsedTime(_lastStarted) < Interval)
        {
            return;
        }

        _lastStarted = Stopwatch.GetTimestamp();
        _running = Task.Run(CheckpointAsync);
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
                // One row: busy, frames in the WAL, frames copied into the database.
                await db.Database.OpenConnectionAsync().ConfigureAwait(false);
                var command = db.Database.GetDbConnection().CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (await reader.ReadAsync().ConfigureAwait(false))
                        {
                            Interlocked.Exchange(ref _logFrames, reader.GetInt64(1));
                        }
                    }
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
}
