using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
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
            var checkpoints = Merge(Checkpoints(db, ct), witnessed ?? [], ct);
            return await JournalVerifier.VerifyAsync(Entries(db, ct), checkpoints, trust, ct).ConfigureAwait(false);
        }
    }

    // Pages, not one streaming query: entries and checkpoints are read alternately on one connection, which can
    // hold only one open result at a time.
    private static async IAsyncEnumerable<StoredEntry> Entries(VigieDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            var page = await db.JournalEntries.AsNoTracking()
                .Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize)
                .Select(e => new { e.Sequence, e.Entry, e.LeafHash, e.Seal, e.Time, e.Action, e.ProfessionalId, e.PatientId })
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return new StoredEntry(e.Sequence, e.Entry, e.LeafHash, e.Seal,
                    new JournalEntryIndex(e.Time, (JournalAction)e.Action, e.ProfessionalId, e.PatientId));
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    private static async IAsyncEnumerable<StoredCheckpoint> Checkpoints(VigieDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            var page = await db.JournalCheckpoints.AsNoTracking()
                .Where(c => c.TreeSize > after).OrderBy(c => c.TreeSize).Take(PageSize)
                .Select(c => new { c.TreeSize, c.Note, c.Frontier })
                .ToListAsync(ct).ConfigureAwait(false);
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
