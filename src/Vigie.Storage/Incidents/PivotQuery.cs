using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Proposes the accounts seen in the window from the incident's IPs or user agents (named, or observed on its own
/// entries). Candidates come from the context index; each is then confirmed, with exact counts, from its own
/// journal entries in the window. Values shared by more than <see cref="MaxAccountsPerValue"/> accounts are
/// reported as too common instead of expanded.
/// </summary>
public static class PivotQuery
{
    /// <summary>The default limit: beyond it an IP or user agent is a NAT gateway or a browser, not a lead.</summary>
    public const int MaxAccountsPerValue = 25;

    /// <summary>Pivots of a computed scope (<see cref="ScopeQuery.ComputeAsync"/>).</summary>
    public static async Task<PivotReport> ComputeAsync(VigieDbContext db, ScopeResult scoped, CancellationToken ct, int maxAccountsPerValue = MaxAccountsPerValue)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scoped);
        var scope = scoped.Scope;
        var ips = scope.Selectors.ClientIps.Concat(scoped.ObservedIps).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var agents = scope.Selectors.UserAgents.Concat(scoped.ObservedUserAgents).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await ContextIndex.CatchUpAsync(db, ct).ConfigureAwait(false);

        var ipList = ips.Select(ip => (string?)ip).ToList();
        var agentLookups = agents.ToDictionary(a => ContextKeys.Lookup(a)!, a => a, StringComparer.Ordinal);
        var lookupList = agentLookups.Keys.Select(k => (string?)k).ToList();
        var named = scope.Selectors.Accounts.Select(a => (string?)a).ToList();
        var others = ContextIndex.Overlapping(db, scope.Window).Where(c => c.ProfessionalId != null && !named.Contains(c.ProfessionalId));

        // Accounts per value are counted by the database: a hospital's NAT address or a common browser can have
        // millions of context rows, and only the count is wanted for them.
        var ipCounts = await others.Where(c => ipList.Contains(c.ClientIp)).GroupBy(c => c.ClientIp!)
            .Select(g => new { Value = g.Key, Accounts = g.Select(c => c.ProfessionalId).Distinct().Count() }).ToListAsync(ct).ConfigureAwait(false);
        var agentCounts = await others.Where(c => lookupList.Contains(c.UserAgent)).GroupBy(c => c.UserAgent!)
            .Select(g => new { Value = g.Key, Accounts = g.Select(c => c.ProfessionalId).Distinct().Count() }).ToListAsync(ct).ConfigureAwait(false);
        var tooCommon = ipCounts.Where(c => c.Accounts > maxAccountsPerValue).Select(c => new CommonPivotValue(PivotKind.ClientIp, c.Value, c.Accounts))
            .Concat(agentCounts.Where(c => c.Accounts > maxAccountsPerValue).Select(c => new CommonPivotValue(PivotKind.UserAgent, agentLookups[c.Value], c.Accounts)))
            .OrderBy(c => c.Kind).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var keptIps = ipCounts.Where(c => c.Accounts <= maxAccountsPerValue).Select(c => (string?)c.Value).ToList();
        var keptLookups = agentCounts.Where(c => c.Accounts <= maxAccountsPerValue).Select(c => (string?)c.Value).ToList();
        var ipSet = keptIps.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var agentSet = keptLookups.OfType<string>().Select(l => agentLookups[l]).ToHashSet(StringComparer.Ordinal);
        var candidates = (await others.Where(c => keptIps.Contains(c.ClientIp) || keptLookups.Contains(c.UserAgent))
            .Select(c => c.ProfessionalId!).Distinct().ToListAsync(ct).ConfigureAwait(false)).Order(StringComparer.Ordinal).ToList();

        var confirmed = new List<PivotCandidate>();
        foreach (var account in candidates)
        {
            var entries = new List<JournalEntry>();
            await foreach (var bytes in ScopeQuery.Entries(db, scope.Window).Where(e => e.ProfessionalId == account).Select(e => e.Entry)
                               .AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            {
                var decoded = JournalEntryEncoding.Decode(bytes);
                if (decoded.Success)
                {
                    entries.Add(decoded.Value);
                }
            }

            if (PivotTally.For(account, scope.Window, ipSet, agentSet, entries) is { } candidate)
            {
                confirmed.Add(candidate);
            }
        }

        return new PivotReport(ips, agents,
            [.. confirmed.OrderByDescending(c => c.SharedEntries).ThenBy(c => c.Account, StringComparer.Ordinal)], tooCommon);
    }
}
