using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Who had one patient disclosed in a window, through the journal's (patient, time) index: the question a canary
/// contact asks (leak attribution), and a security officer's "who saw this person".
/// </summary>
public static class RecipientsQuery
{
    private static readonly TimeSpan ColumnSlack = TimeSpan.FromMilliseconds(1);

    /// <summary>One <see cref="Recipient"/> per (account, session, IP, user agent), earliest first.</summary>
    public static async Task<IReadOnlyList<Recipient>> OfPatientAsync(VigieDbContext db, PatientId patient, TimeWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (id, from, to) = (patient.Value, window.From - ColumnSlack, window.To + ColumnSlack);
        var rows = await db.JournalEntries.AsNoTracking().Where(e => e.PatientId == id && e.Time >= from && e.Time < to)
            .Select(e => new { e.Sequence, e.Entry }).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows
            .Select(r => (r.Sequence, Decoded: JournalEntryEncoding.Decode(r.Entry)))
            .Where(r => r.Decoded.Success && window.Contains(r.Decoded.Value.Time) && Disclosures.IsDisclosure(r.Decoded.Value) && r.Decoded.Value.Patient == patient)
            .Select(r => (r.Sequence, Entry: r.Decoded.Value))
            .GroupBy(r => (r.Entry.Actor.ProfessionalId, r.Entry.Request.Session, r.Entry.Request.ClientIp, r.Entry.Request.UserAgent))
            .Select(g => new Recipient(g.Key.ProfessionalId, g.Key.Session, g.Key.ClientIp, g.Key.UserAgent,
                g.Aggregate(DisclosedData.None, (c, r) => c | r.Entry.Disclosed), g.Min(r => r.Entry.Time), g.Max(r => r.Entry.Time),
                [.. g.Select(r => r.Sequence).Order()]))
            .OrderBy(r => r.First)];
    }
}
