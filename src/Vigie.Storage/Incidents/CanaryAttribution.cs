using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;

namespace Vigie.Storage.Incidents;

/// <summary>
/// A message that reached or named canary contacts becomes evidence and an incident: for each canary named, who had
/// it disclosed since it was planted (the journal, <see cref="RecipientsQuery"/>), then its one open incident, opened
/// on the first hit and widened by later ones (their recipients added, the window's end moved to the hit).
/// </summary>
public static class CanaryAttribution
{
    /// <summary>How far back a canary without a usable planting date is searched.</summary>
    public static readonly TimeSpan MaxLookback = TimeSpan.FromDays(5 * 366);

    /// <summary>A message that arrived: where from, when, and what it said (kept for a monitored message only).</summary>
    public sealed record Hit(CanaryHitSource Source, DateTimeOffset ReceivedAt, string? Sender = null, string? Text = null, string? Headers = null, long? PhishingReportId = null);

    /// <summary>One canary named by the message, the hit recorded, and its incident (null when nobody received the canary).</summary>
    public sealed record Attributed(PatientId Canary, string Contact, long HitId, Incident? Incident, bool Opened, int Recipients);

    /// <summary>
    /// Looks <paramref name="mentions"/> up among the canaries' monitored contacts and attributes each canary found;
    /// empty when the message names none (the common case for portal reports).
    /// </summary>
    public static async Task<IReadOnlyList<Attributed>> RecordAsync(VigieDbContext db, ContactMentions mentions, Hit hit, string openedBy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(hit);
        if (mentions.IsEmpty)
        {
            return [];
        }

        var (emails, phones) = (mentions.Emails.ToArray(), mentions.Phones.ToArray());
        var canaries = await db.Canaries.AsNoTracking()
            .Where(c => (c.MonitoredEmail != null && emails.Contains(c.MonitoredEmail)) || (c.MonitoredPhone != null && phones.Contains(c.MonitoredPhone)))
            .ToListAsync(ct).ConfigureAwait(false);
        var results = new List<Attributed>(canaries.Count);
        foreach (var canary in canaries.OrderBy(c => c.IdentityId, StringComparer.Ordinal))
        {
            var id = new PatientId(canary.IdentityId);

            // From the planting (the registration before it is not a leak) to now: a leak happened before the message
            // arrived, and the mailbox's clock is not trusted to exclude anyone.
            var from = canary.PlantedAt > now - MaxLookback ? canary.PlantedAt : now - MaxLookback;
            var window = new TimeWindow(from < now ? from : now.AddTicks(-1), now);
            var recipients = await RecipientsQuery.OfPatientAsync(db, id, window, ct).ConfigureAwait(false);
            var (incident, opened) = recipients.Count == 0 ? (null, false) : await AttachAsync(db, id, recipients, window, hit, openedBy, now, ct).ConfigureAwait(false);
            var row = new CanaryHitRow
            {
                IdentityId = canary.IdentityId,
                Contact = canary.MonitoredEmail is { } email && emails.Contains(email, StringComparer.Ordinal) ? email : canary.MonitoredPhone!,
                Source = (int)hit.Source,
                PhishingReportId = hit.PhishingReportId,
                ReceivedAt = hit.ReceivedAt,
                RecordedAt = now,
                IncidentId = incident?.Id.Value,
                Sender = hit.Sender,
                Text = hit.Text,
                Headers = hit.Headers,
            };
            db.CanaryHits.Add(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            results.Add(new Attributed(id, row.Contact, row.Id, incident, opened, recipients.Count));
        }

        return results;
    }

    private static async Task<(Incident Incident, bool Opened)> AttachAsync(
        VigieDbContext db, PatientId canary, IReadOnlyList<Recipient> recipients, TimeWindow window, Hit hit, string openedBy, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = CanaryIncident.KeyPrefix(canary);
        var previous = await db.Incidents.AsNoTracking().Where(i => i.AlertId != null && i.AlertId.StartsWith(prefix))
            .Select(i => new { i.Id, i.Status }).ToListAsync(ct).ConfigureAwait(false);
        var selectors = CanaryIncident.Selectors(recipients).Value;
        if (previous.Where(i => i.Status != (int)IncidentStatus.Closed).OrderBy(i => i.Id).FirstOrDefault() is { } open)
        {
            return (await IncidentStore.WidenAsync(db, new IncidentId(open.Id), selectors, window.To, now, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("incident " + open.Id + " disappeared"), false);
        }

        // Every earlier leak of this canary is closed: this is a new one. Two nodes computing the same key at once
        // open one incident (unique alert id); the one that did not open it widens it.
        // The 72-hour clock starts when the message arrived, never later than now (the sender's clock is not ours).
        var detected = hit.ReceivedAt <= now ? hit.ReceivedAt : now;
        var request = CanaryIncident.Request(canary, recipients, window, detected, openedBy, CanaryIncident.Key(canary, previous.Count + 1));
        var (incident, created) = await IncidentStore.OpenAsync(db, request.Value, now, ct).ConfigureAwait(false);
        return created
            ? (incident, true)
            : (await IncidentStore.WidenAsync(db, incident.Id, selectors, window.To, now, ct).ConfigureAwait(false) ?? incident, false);
    }
}
