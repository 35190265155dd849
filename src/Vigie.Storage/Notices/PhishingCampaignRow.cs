namespace Vigie.Storage.Notices;

/// <summary>Reports grouped by shared keys (sender domain, link domain, wording): see Vigie.Core.Notices.CampaignKeys.</summary>
public sealed class PhishingCampaignRow
{
    public long Id { get; set; }

    /// <summary>The grouping key the campaign was opened with (its most specific key then).</summary>
    public required string Label { get; set; }

    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public int ReportCount { get; set; }
}

/// <summary>One key owned by a campaign: a new report joins the campaign owning any of its keys.</summary>
public sealed class PhishingCampaignKeyRow
{
    public required string Key { get; set; }
    public long CampaignId { get; set; }
}
