using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Keeps <see cref="RequestContextRow"/> up to date with the journal, and answers "which accounts appeared with
/// these sessions, IPs or user agents in this window". Catch-up reads the journal in sequence order from where
/// it stopped: the journal commits sequence numbers in order under its lock and only ever appends, so everything
/// below the committed tree size is there to read and nothing is skipped.
/// </summary>
public static class ContextIndex
{
    /// <summary>Journal entries read per catch-up transaction: short enough not to hold SQLite's write lock for long.</summary>
    public const int BatchSize = 20_000;

    /// <summary>Indexes every journal entry not yet indexed; returns how many were read. Safe to run from several nodes at once.</summary>
    public static async Task<long> CatchUpAsync(VigieDbContext db, CancellationToken ct, int batchSize = BatchSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        long total = 0;
        while (true)
        {
            // Checked without any lock first: the common case (nothing new) must not take a write lock.
            var indexed = await db.ContextIndexState.AsNoTracking().Select(s => s.IndexedBefore).SingleAsync(ct).ConfigureAwait(false);
            var size = await db.JournalState.AsNoTracking().Select(s => s.TreeSize).SingleAsync(ct).ConfigureAwait(false);
            if (indexed >= size)
            {
                return total;
            }

            var read = await IndexBatchAsync(db, batchSize, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return total;
            }

            total += read;
        }
    }

    /// <summary>
    /// The actor ids (column form; null for entries without one) seen with any of the selectors' sessions, IPs or
    /// user agents in the window. Named accounts are not added here. Call <see cref="CatchUpAsync"/> first.
    /// </summary>
    public static async Task<IReadOnlyList<string?>> AccountsForAsync(VigieDbContext db, IncidentSelectors selectors, TimeWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(selectors);
        if (selectors.AccountsOnly)
        {
            return [];
        }

        var sessions = selectors.Sessions.Select(ContextKeys.Lookup).ToList();
        var ips = selectors.ClientIps.Select(ip => (string?)ip).ToList();
        var agents = selectors.UserAgents.Select(ContextKeys.Lookup).ToList();
        return await Overlapping(db, window)
            .Where(c => sessions.Contains(c.Session) || ips.Contains(c.ClientIp) || agents.Contains(c.UserAgent))
            .Select(c => c.ProfessionalId).Distinct().ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Contexts whose span of entries overlaps the window.</summary>
    internal static IQueryable<RequestContextRow> Overlapping(VigieDbContext db, TimeWindow window)
    {
        var (from, to) = (window.From, window.To);
        return db.RequestContexts.AsNoTracking().Where(c => c.FirstTime < to && c.LastTime >= from);
    }

    private static async Task<int> IndexBatchAsync(VigieDbContext db, int batchSize, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Same single-writer pattern as the journal (docs/decisions/0006): the UPDATE takes the row lock on
            // PostgreSQL; on SQLite the transaction holds the write lock already.
            var state = (await db.ContextIndexState
                .FromSql($"UPDATE incident_context_state SET \"Generation\" = \"Generation\" + 1 WHERE \"Id\" = {ContextIndexStateRow.SingletonId} RETURNING *")
                .AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).Single();
            var size = await db.JournalState.AsNoTracking().Select(s => s.TreeSize).SingleAsync(ct).ConfigureAwait(false);
            var from = state.IndexedBefore;
            var rows = await db.JournalEntries.AsNoTracking()
                .Where(e => e.Sequence >= from && e.Sequence < size).OrderBy(e => e.Sequence).Take(batchSize)
                .Select(e => new { e.Sequence, e.Entry, e.ProfessionalId })
                .ToListAsync(ct).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return 0;
            }

            var contexts = new Dictionary<(string?, string?, string?, string?), RequestContextRow>();
            long unreadable = 0;
            foreach (var row in rows)
            {
                var decoded = JournalEntryEncoding.Decode(row.Entry);
                if (!decoded.Success)
                {
                    unreadable++;
                    continue;
                }

                Add(contexts, row.Sequence, row.ProfessionalId, decoded.Value);
            }

            await MultiRowInsert.InsertAsync(db, [.. contexts.Values], ct).ConfigureAwait(false);
            var next = rows[^1].Sequence + 1;
            await db.ContextIndexState.Where(s => s.Id == ContextIndexStateRow.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.IndexedBefore, next).SetProperty(x => x.Unreadable, x => x.Unreadable + unreadable), ct)
                .ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return rows.Count;
        }
    }

    // Grouped by the values themselves; the hashed key is computed once per context, not once per entry.
    private static void Add(Dictionary<(string?, string?, string?, string?), RequestContextRow> contexts, long sequence, string? professional, JournalEntry entry)
    {
        var session = ContextKeys.Lookup(entry.Request.Session);
        var ip = IncidentSelectors.NormaliseIp(entry.Request.ClientIp);
        var agent = ContextKeys.Lookup(entry.Request.UserAgent);
        if (contexts.TryGetValue((professional, session, ip, agent), out var row))
        {
            row.LastSequence = sequence;
            row.FirstTime = entry.Time < row.FirstTime ? entry.Time : row.FirstTime;
            row.LastTime = entry.Time > row.LastTime ? entry.Time : row.LastTime;
            row.Entries++;
            return;
        }

        contexts[(professional, session, ip, agent)] = new RequestContextRow
        {
            Key = ContextKeys.Key(professional, session, ip, agent), ProfessionalId = professional, Session = session, ClientIp = ip, UserAgent = agent,
            FirstSequence = sequence, LastSequence = sequence, FirstTime = entry.Time, LastTime = entry.Time, Entries = 1,
        };
    }
}
