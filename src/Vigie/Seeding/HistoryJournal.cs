using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Journal;
using Vigie.Simulation.Trace;
using Vigie.Storage.Journal;

namespace Vigie.Seeding;

/// <summary>
/// Writes simulated legitimate history into the access journal, exactly as the server would have journaled those
/// requests: one entry per patient disclosed (one without patient for a search that found nothing), the
/// professional, establishment and role, session, address, browser, the query minimised to its parameter names,
/// each at the request's own time. The node's detection learns its baselines from these entries at start.
/// </summary>
internal static class HistoryJournal
{
    private const int Batch = 4096;

    public sealed record Totals(long Requests, long Entries);

    /// <summary>Appends the events before <paramref name="until"/>; the enumerator is left on the first event at or after it (if any).</summary>
    /// <returns>The totals, and whether the enumerator holds an event past the cut-off.</returns>
    public static async Task<(Totals Totals, bool HasMore)> WriteAsync(JournalWriter writer, IEnumerator<TraceEvent> events, DateTimeOffset until,
        PatientDirectory directory, SeedProgress progress, long expectedRequests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        progress.Start("legitimate history journaled");
        var batch = new List<JournalEntry>(Batch + 64);
        long requests = 0, entries = 0;
        var hasMore = false;
        while (events.MoveNext())
        {
            if (events.Current.Access.Time >= until)
            {
                hasMore = true;
                break;
            }

            requests++;
            AddEntries(events.Current, directory, requests, batch);
            if (batch.Count >= Batch)
            {
                entries += await FlushAsync(writer, batch, ct).ConfigureAwait(false);
                progress.Report(requests, Math.Max(expectedRequests, requests));
            }
        }

        entries += await FlushAsync(writer, batch, ct).ConfigureAwait(false);
        progress.Done($"{requests:N0} requests, {entries:N0} entries");
        return (new Totals(requests, entries), hasMore);
    }

    public static void AddEntries(TraceEvent e, PatientDirectory directory, long number, List<JournalEntry> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(output);
        var a = e.Access;
        var actor = new JournalActor(a.Professional.Value, a.Establishment.Value, RoleNames.Format(a.Role));
        var request = new JournalRequest(a.Session, a.ClientIp, a.UserAgent, "history-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var action = a.Action switch
        {
            AccessAction.Match => JournalAction.Match,
            AccessAction.Read => JournalAction.Read,
            _ => JournalAction.Search,
        };
        var query = e.Query is null ? null : MinimisedQuery.Of(e.Query.Parameters().Select(p => p.Key));
        var disclosed = action == JournalAction.Read ? HttpJournal.Disclosed(a.Categories) : DisclosedData.Identity;
        var before = output.Count;
        foreach (var p in a.Patients)
        {
            if (directory.Find(p.Value) is { } id)
            {
                output.Add(new JournalEntry(a.Time, actor, request, action, id, disclosed, query, a.Purpose, JournalOutcome.Success));
            }
        }

        if (output.Count == before)
        {
            output.Add(new JournalEntry(a.Time, actor, request, action, null, DisclosedData.None, query, a.Purpose, JournalOutcome.Success));
        }
    }

    private static async Task<int> FlushAsync(JournalWriter writer, List<JournalEntry> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await writer.AppendAsync([.. batch], ct).ConfigureAwait(false);
        var count = batch.Count;
        batch.Clear();
        return count;
    }
}
