using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>Reading the journal: searches for the AuditEvent endpoint, paging for export, the latest checkpoint.</summary>
public static class JournalQueries
{
    /// <summary>
    /// Entries matching the filters, in sequence order. Filtering uses the index columns; what is returned is decoded
    /// from the bytes, and each record says whether the row is intact (seal, leaf hash and index columns agree).
    /// </summary>
    public static async Task<IReadOnlyList<JournalRecord>> SearchAsync(VigieDbContext db, JournalSearch search, ReadOnlyMemory<byte> sealKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        var query = db.JournalEntries.AsNoTracking().Where(e => e.Sequence > search.AfterSequence);
        if (search.PatientId is { } patient)
        {
            query = query.Where(e => e.PatientId == patient);
        }

        if (search.ProfessionalId is { } professional)
        {
            query = query.Where(e => e.ProfessionalId == professional);
        }

        if (search.From is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(e => e.Time >= utc);
        }

        if (search.To is { } to)
        {
            var utc = to.ToUniversalTime();
            query = query.Where(e => e.Time < utc);
        }

        var rows = await query.OrderBy(e => e.Sequence).Take(Math.Clamp(search.Limit, 1, 10_000)).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => Record(r, sealKey.Span)).OfType<JournalRecord>()];
    }

    /// <summary>All entries from <paramref name="afterSequence"/> on, page by page (for <c>vigie audit export</c>).</summary>
    public static async IAsyncEnumerable<JournalRecord> ReadAllAsync(
        VigieDbContext db, ReadOnlyMemory<byte> sealKey, long afterSequence = -1,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            var after = afterSequence;
            var page = await db.JournalEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(5_000)
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in page)
            {
                if (Record(row, sealKey.Span) is { } record)
                {
                    yield return record;
                }
            }

            if (page.Count < 5_000)
            {
                yield break;
            }

            afterSequence = page[^1].Sequence;
        }
    }

    /// <summary>
    /// The sequence just before the first entry at or after <paramref name="from"/> (one row through the time index),
    /// or the last sequence when nothing is that recent (-1 for an empty journal): where reading "the last N days" starts.
    /// </summary>
    public static async Task<long> SequenceBeforeAsync(VigieDbContext db, DateTimeOffset from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var utc = from.ToUniversalTime();
        var first = await db.JournalEntries.AsNoTracking().Where(e => e.Time >= utc).OrderBy(e => e.Time).Select(e => (long?)e.Sequence)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (first is { } sequence)
        {
            return sequence - 1;
        }

        return await db.JournalEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, ct).ConfigureAwait(false) ?? -1;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries after <paramref name="afterSequence"/> with one of these actions, in
    /// sequence order, decoded from their bytes; <c>Last</c> is the last sequence read (to page on, even past a row
    /// that does not decode, which is left out like a tampered one: the verifier names it).
    /// </summary>
    public static async Task<(IReadOnlyList<JournalRecord> Records, long Last, bool Full)> PageAsync(
        VigieDbContext db, long afterSequence, IReadOnlyCollection<int> actions, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.JournalEntries.AsNoTracking().Where(e => e.Sequence > afterSequence && actions.Contains(e.Action))
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        var records = rows.Select(r => Record(r, default)).OfType<JournalRecord>().Where(r => r.Intact).ToList();
        return (records, rows.Count == 0 ? afterSequence : rows[^1].Sequence, rows.Count == limit);
    }

    /// <summary>The most recent signed checkpoint, opened with the trusted key; null when there is none yet.</summary>
    public static async Task<SignedCheckpoint?> LatestCheckpointAsync(VigieDbContext db, CheckpointKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        var note = await db.JournalCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).Select(c => c.Note)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (note is null)
        {
            return null;
        }

        var checkpoint = CheckpointNote.Open(note, key);
        return checkpoint.Success
            ? new SignedCheckpoint(checkpoint.Value, note)
            : throw new InvalidOperationException("The latest stored checkpoint does not verify: " + checkpoint.Error);
    }

    // A row whose bytes do not decode is not returned as an entry at all (the verifier names it).
    private static JournalRecord? Record(JournalEntryRow row, ReadOnlySpan<byte> sealKey)
    {
        var decoded = JournalEntryEncoding.Decode(row.Entry);
        if (!decoded.Success)
        {
            return null;
        }

        var leaf = MerkleTree.HashLeaf(row.Entry);
        var intact = row.LeafHash.AsSpan().SequenceEqual(leaf.ToArray())
                     && (sealKey.IsEmpty || EntrySeal.IsValid(sealKey, row.Sequence, leaf, row.Seal))
                     && new JournalEntryIndex(row.Time, (JournalAction)row.Action, row.ProfessionalId, row.PatientId).Matches(row.Entry);
        return new JournalRecord(row.Sequence, decoded.Value, intact);
    }
}
