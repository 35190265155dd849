using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>Decides, from one account's journal entries, whether it is a pivot and with what evidence.</summary>
public static class PivotTally
{
    /// <summary>
    /// The candidate for <paramref name="account"/>, or null when none of its entries in the window came from a
    /// pivot IP or user agent. <paramref name="entries"/> may hold entries outside the window: they are ignored.
    /// </summary>
    public static PivotCandidate? For(string account, TimeWindow window, IReadOnlySet<string> ips, IReadOnlySet<string> userAgents, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(ips);
        ArgumentNullException.ThrowIfNull(userAgents);
        ArgumentNullException.ThrowIfNull(entries);
        var sharedIps = new SortedSet<string>(StringComparer.Ordinal);
        var sharedAgents = new SortedSet<string>(StringComparer.Ordinal);
        var patients = new HashSet<string>(StringComparer.Ordinal);
        var shared = 0;
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        foreach (var entry in entries)
        {
            if (!window.Contains(entry.Time) || !string.Equals(entry.Actor.ProfessionalId, account, StringComparison.Ordinal))
            {
                continue;
            }

            if (Disclosures.IsDisclosure(entry))
            {
                patients.Add(entry.Patient!.Value.Value);
            }

            var ip = IncidentSelectors.NormaliseIp(entry.Request.ClientIp);
            var byIp = ip is not null && ips.Contains(ip);
            var byAgent = entry.Request.UserAgent is { } ua && userAgents.Contains(ua);
            if (!byIp && !byAgent)
            {
                continue;
            }

            shared++;
            first = entry.Time < first ? entry.Time : first;
            last = entry.Time > last ? entry.Time : last;
            if (byIp)
            {
                sharedIps.Add(ip!);
            }

            if (byAgent)
            {
                sharedAgents.Add(entry.Request.UserAgent!);
            }
        }

        return shared == 0 ? null : new PivotCandidate(account, [.. sharedIps], [.. sharedAgents], shared, first, last, patients.Count);
    }
}
