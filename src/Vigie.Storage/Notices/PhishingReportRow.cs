namespace Vigie.Storage.Notices;

/// <summary>
/// A message reported as suspicious through the public portal, kept as text for the security team. The reporter's
/// IP address is kept only as a keyed hash: enough to see many reports from one source, not enough to find anyone.
/// </summary>
public sealed class PhishingReportRow
{
    public long Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string Text { get; set; }
    public string? Sender { get; set; }
    public string? Headers { get; set; }

    /// <summary>How it arrived, as the reporter said: 0 unknown, 1 email, 2 SMS, 3 phone call, 4 letter.</summary>
    public int Medium { get; set; }

    public string? ReporterIpHash { get; set; }
    public long CampaignId { get; set; }
}
