using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
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
    // hold only one open result at a time. Entries are read with a plain data reader, not through EF: materialising
    // through EF cost five times the hashing (see docs/benchmarks.md, journal section). Column names and the time
    // conversion come from the EF model, so the SQL follows the mapping of either provider.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The SQL is built from the EF model's table and column names only; the one value is a parameter.")]
    private static async IAsyncEnumerable<StoredEntry> Entries(VigieDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var columns = EntryColumns.Of(db, PageSize);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var after = long.MinValue;
        var page = new List<StoredEntry>(PageSize);
        while (true)
        {
            page.Clear();
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = columns.PageSql;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "after";
                parameter.Value = after;
                command.Parameters.Add(parameter);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        page.Add(new StoredEntry(
                            reader.GetInt64(0),
                            reader.GetFieldValue<byte[]>(1),
                            reader.GetFieldValue<byte[]>(2),
                            reader.GetFieldValue<byte[]>(3),
                            new JournalEntryIndex(
                                columns.Time(reader, 4),
                                (JournalAction)reader.GetInt32(5),
                                reader.IsDBNull(6) ? null : reader.GetString(6),
                                reader.IsDBNull(7) ? null : reader.GetString(7))));
                    }
                }
            }

            foreach (var entry in page)
            {
                yield return entry;
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
