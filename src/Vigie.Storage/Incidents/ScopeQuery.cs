using System.Data;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Computes an incident's scope from the journal. The accounts to read are the named ones plus those the context
/// index finds for the named sessions, IPs and user agents; each account's entries in the window come through the
/// journal's (professional, time) index, are decoded from their bytes, and <see cref="ScopeBuilder.Admits"/> decides
/// membership. Everything is read in one snapshot, so the scope is the journal's exact answer at one tree size.
/// </summary>
public static class ScopeQuery
{
    // SQLite keeps entry times to 0.1 ms in the index column while the bytes keep 100 ns ticks: the SQL window is
    // widened by a millisecond each side and the exact window applied to the decoded time.
    private static readonly TimeSpan ColumnSlack = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The scope of the window and selectors; with inclusion proofs against the latest checkpoint when
    /// <paramref name="withProofs"/>. Without <paramref name="trust"/> (no journal key in this data directory yet)
    /// seals are not checked and no checkpoint can be opened, so proofs are all pending.
    /// </summary>
    public static async Task<ScopeResult> ComputeAsync(
        VigieDbContext db, TimeWindow window, IncidentSelectors selectors, JournalTrust? trust, bool withProofs, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(selectors);
        if (!selectors.AccountsOnly)
        {
            await ContextIndex.CatchUpAsync(db, ct).ConfigureAwait(false);
        }

        // As JournalAudit: a true snapshot on PostgreSQL; on SQLite a deferred read transaction (WAL snapshot).
        var isolation = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? IsolationLevel.ReadUncommitted : IsolationLevel.RepeatableRead;
        var transaction = await db.Database.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var state = await db.JournalState.AsNoTracking().Select(s => new { s.TreeSize, s.PrunedBefore }).SingleAsync(ct).ConfigureAwait(false);
            var found = await ContextIndex.AccountsForAsync(db, selectors, window, ct).ConfigureAwait(false);
            var unreadableInIndex = selectors.AccountsOnly ? 0
                : await db.ContextIndexState.AsNoTracking().Select(s => s.Unreadable).SingleAsync(ct).ConfigureAwait(false);
            var accounts = selectors.Accounts.Concat(found.OfType<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var scan = new Scan(window, selectors, trust?.SealKey ?? default);
            foreach (var account in accounts)
            {
                await scan.ReadAsync(Entries(db, window).Where(e => e.ProfessionalId == account), ct).ConfigureAwait(false);
            }

            if (found.Contains(null))
            {
                await scan.ReadAsync(Entries(db, window).Where(e => e.ProfessionalId == null), ct).ConfigureAwait(false);
            }

            var integrity = new ScopeIntegrity(scan.Examined, scan.Unreadable + (int)Math.Min(unreadableInIndex, int.MaxValue), scan.Admitted.Count(e => !e.Intact),
                await PredatesRetentionAsync(db, state.PrunedBefore, window, ct).ConfigureAwait(false));
            var scope = ScopeBuilder.Build(window, selectors, state.TreeSize, scan.Admitted, integrity, now);
            if (withProofs)
            {
                var checkpoint = trust is null ? null : await JournalQueries.LatestCheckpointAsync(db, trust.Key, ct).ConfigureAwait(false);
                scope = scope with { Proofs = await ScopeProofsQuery.BuildAsync(db, scope.Entries, checkpoint, ct).ConfigureAwait(false) };
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return new ScopeResult(scope, [.. scan.Ips.Order(StringComparer.Ordinal)], [.. scan.UserAgents.Order(StringComparer.Ordinal)], accounts);
        }
    }

    /// <summary>Journal rows whose indexed time is within the window widened by the column's precision.</summary>
    internal static IQueryable<JournalEntryRow> Entries(VigieDbContext db, TimeWindow window)
    {
        var from = window.From - ColumnSlack;
        var to = window.To + ColumnSlack;
        return db.JournalEntries.AsNoTracking().Where(e => e.Time >= from && e.Time < to);
    }

    // Entries pruned for retention may have been inside the window: the first entry still held is then later
    // than the window's start.
    private static async Task<bool> PredatesRetentionAsync(VigieDbContext db, long prunedBefore, TimeWindow window, CancellationToken ct)
    {
        if (prunedBefore == 0)
        {
            return false;
        }

        var first = await db.JournalEntries.AsNoTracking().Where(e => e.Sequence >= prunedBefore).OrderBy(e => e.Sequence)
            .Select(e => (DateTimeOffset?)e.Time).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return first is null || first > window.From;
    }

    private sealed class Scan(TimeWindow window, IncidentSelectors selectors, ReadOnlyMemory<byte> sealKey)
    {
        public List<ScopeEntry> Admitted { get; } = [];
        public HashSet<string> Ips { get; } = new(StringComparer.Ordinal);
        public HashSet<string> UserAgents { get; } = new(StringComparer.Ordinal);
        public int Examined { get; private set; }
        public int Unreadable { get; private set; }

        public async Task ReadAsync(IQueryable<JournalEntryRow> rows, CancellationToken ct)
        {
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            {
                Examined++;
                var decoded = JournalEntryEncoding.Decode(row.Entry);
                if (!decoded.Success)
                {
                    Unreadable++;
                    continue;
                }

                var entry = decoded.Value;
                if (!window.Contains(entry.Time) || !selectors.Matches(entry))
                {
                    continue;
                }

                if (IncidentSelectors.NormaliseIp(entry.Request.ClientIp) is { } ip)
                {
                    Ips.Add(ip);
                }

                if (entry.Request.UserAgent is { } agent)
                {
                    UserAgents.Add(agent);
                }

                if (ScopeBuilder.Admits(window, selectors, entry))
                {
                    Admitted.Add(ScopeEntry.From(row.Sequence, entry, StoredEntryCheck.IsIntact(row, sealKey.Span)));
                }
            }
        }
    }
}
