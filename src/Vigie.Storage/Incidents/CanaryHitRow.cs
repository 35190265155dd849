namespace Vigie.Storage.Incidents;

/// <summary>
/// A message that reached or named a canary's monitored contact: the evidence of a leak, and the incident it was
/// attributed to (null when the journal showed nobody receiving the canary). A monitored message is kept as received
/// (it is evidence; only ever shown encoded); a portal report is referenced, its text stays in phishing_reports.
/// </summary>
public sealed class CanaryHitRow
{
    public long Id { get; set; }

    public required string IdentityId { get; set; }

    /// <summary>The monitored contact named, in its stored normal form.</summary>
    public required string Contact { get; set; }

    /// <summary><see cref="Core.Incidents.CanaryHitSource"/>.</summary>
    public int Source { get; set; }

    public long? PhishingReportId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public long? IncidentId { get; set; }

    public string? Sender { get; set; }

    public string? Text { get; set; }

    public string? Headers { get; set; }
}
