using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Verifies the stored journal: every row and checkpoint read back in one database snapshot and recomputed by
/// <see cref="JournalVerifier"/>, together with checkpoints kept by witnesses. Runs beside live appends: the
/// snapshot is a read transaction (PostgreSQL REPEATABLE READ; SQLite's WAL snapshot), so it never blocks writers
/// and never sees half an append.
/// </summary>
public static class JournalAudit
{
    private const int PageSize = 50_000;

    // An entry of a search is about 150 bytes, plus 32 of leaf hash and 16 of seal; longer rows grow the arena.
    private const int BytesPerRow = 256;

    /// <summary>
    /// Verifies the journal. Read <paramref name="witnessed"/> before calling (see <see cref="FileCheckpointWitness.ReadAll"/>),
    /// so that every witnessed checkpoint predates the snapshot: a witnessed size beyond the stored journal then
    /// means entries were removed.
    /// </summary>
    public static async Task<JournalVerification> VerifyAsync(
        VigieDbContext db, JournalTrust trust, IReadOnlyList<StoredCheckpoint>? witnessed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(trust);

        // On SQLite, ReadUncommitted is what opens a deferred read transaction (no write lock); reads stay
        // committed-only because the connection does not use a shared cache. PostgreSQL gets a true snapshot.
        var isolation = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? IsolationLevel.ReadUncommitted : IsolationLevel.RepeatableRead;
        var transaction = await db.Database.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using var connectionGate = new SemaphoreSlim(1, 1);
            var checkpoints = Merge(Checkpoints(db, connectionGate, ct), witnessed ?? [], ct);
            return await JournalVerifier.VerifyAsync(Entries(db, connectionGate, ct), checkpoints, trust, ct).ConfigureAwait(false);
        }
    }

    // Pages, not one streaming query: entries and checkpoints are read alternately on one connection, which can
    // hold only one open result at a time; the gate gives it to one page query at a time. Entry pages are read by a
    // task of their own up to two pages ahead, so reading and decoding rows overlaps with hashing them (reading
    // cost as much as the hashing: see docs/benchmarks.md, journal section). Entries are read with a plain data
    // reader or the provider's own (see EntryPageReader), not through EF: materialising through EF cost five times
    // the hashing. Column names and the time conversion come from the EF model, so the SQL follows the mapping of
    // either provider.
    private static async IAsyncEnumerable<StoredEntry> Entries(VigieDbContext db, SemaphoreSlim gate, [EnumeratorCancellation] CancellationToken ct)
    {
        var columns = EntryColumns.Of(db, PageSize);
        var reader = db.GetService<IDbContextOptions>().FindExtension<JournalReadExtension>()?.Reader ?? EntryPageReader.Portable;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var pages = Channel.CreateBounded<EntryPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        // Pages are recycled, arenas and all. A page's rows are slices of its arena, and the verifier holds a batch
        // of rows that may reach back into the previous page: a page is handed back only once the next one is done.
        var free = new ConcurrentQueue<EntryPage>();
        EntryPage? previous = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadPagesAsync(connection, transaction, columns, reader, gate, free, pages.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                for (var i = 0; i < page.Count; i++)
                {
                    yield return page.Entries[i];
                }

                if (previous is not null)
                {
                    previous.Clear();
                    free.Enqueue(previous);
                }

                previous = page;
            }
        }
        finally
        {
            // The verifier stops at the first fault: the reader is stopped too, and waited for, before the
            // transaction and connection go away.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ReadPagesAsync(
        DbConnection connection, DbTransaction? transaction, EntryColumns columns, EntryPageReader reader, SemaphoreSlim gate,
        ConcurrentQueue<EntryPage> free, ChannelWriter<EntryPage> pages, CancellationToken ct)
    {
        try
        {
            var after = long.MinValue;
            while (true)
            {
                var page = free.TryDequeue(out var recycled) ? recycled : new EntryPage(PageSize, BytesPerRow);
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await reader.ReadAsync(connection, transaction, columns, after, page, ct).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }

                // Read before the page is handed over: the verifier side may clear it for reuse at once.
                var (count, last) = (page.Count, page.Count > 0 ? page.Entries[^1].Sequence : after);
                if (count > 0)
                {
                    await pages.WriteAsync(page, ct).ConfigureAwait(false);
                }

                if (count < PageSize)
                {
                    pages.TryComplete();
                    return;
                }

                after = last;
            }
        }
#pragma warning disable CA1031 // Whatever stops the reader (an outage, a cancellation) is handed to the verifier's side, which rethrows it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            pages.TryComplete(exception);
        }
    }

    private static async IAsyncEnumerable<StoredCheckpoint> Checkpoints(VigieDbContext db, SemaphoreSlim gate, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            List<CheckpointPageRow> page;
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                page = await db.JournalCheckpoints.AsNoTracking()
                    .Where(c => c.TreeSize > after).OrderBy(c => c.TreeSize).Take(PageSize)
                    .Select(c => new CheckpointPageRow(c.TreeSize, c.Note, c.Frontier))
                    .ToListAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            foreach (var c in page)
            {
                yield return new StoredCheckpoint(c.TreeSize, c.Note, c.Frontier ?? ReadOnlyMemory<byte>.Empty);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].TreeSize;
        }
    }

    private sealed record CheckpointPageRow(long TreeSize, string Note, byte[]? Frontier);

    private static async IAsyncEnumerable<StoredCheckpoint> Merge(
        IAsyncEnumerable<StoredCheckpoint> stored, IReadOnlyList<StoredCheckpoint> witnessed, [EnumeratorCancellation] CancellationToken ct)
    {
        var extra = witnessed.OrderBy(c => c.TreeSize).ToList();
        var next = 0;
        await foreach (var checkpoint in stored.WithCancellation(ct).ConfigureAwait(false))
        {
            for (; next < extra.Count && extra[next].TreeSize <= checkpoint.TreeSize; next++)
            {
                yield return extra[next];
            }

            yield return checkpoint;
        }

        for (; next < extra.Count; next++)
        {
            yield return extra[next];
        }
    }
}
