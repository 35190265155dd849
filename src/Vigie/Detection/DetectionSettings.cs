namespace Vigie.Detection;

/// <summary>Live detection settings of the host, with documented defaults.</summary>
public sealed record DetectionSettings
{
    /// <summary>
    /// Report-only: decisions, alerts and containments are computed and recorded (containments with Enforced=false)
    /// but nobody is refused. For calibrating thresholds on a region's real traffic before enforcing. Off by default.
    /// </summary>
    public bool ReportOnly { get; init; }

    /// <summary>Alerts are POSTed (JSON) to this URL; undelivered ones are retried. None by default.</summary>
    public Uri? AlertWebhook { get; init; }

    /// <summary>
    /// How often a node learns the accesses other nodes journaled (decision 0010), retries alert delivery and sends
    /// owner notices. 1 s by default (`--detection-sync-seconds`).
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Days of access journal the engine learns from when the node starts (per-account and peer baselines, habits,
    /// known networks), so that a restart does not fall back to the cold-start priors. 28 by default (the habits'
    /// half-life); 0 starts cold.
    /// </summary>
    public int WarmStartDays { get; init; } = 28;

    /// <summary>Journal entries read per batch by the warm start and the cross-node pull. 5,000 by default.</summary>
    public int JournalBatch { get; init; } = 5_000;

    /// <summary>
    /// The SMTP relay that tells professionals when their account or a session of theirs is suspended ("was this
    /// you?", to the email registered with `vigie professional add --email`). None by default: nobody is told.
    /// </summary>
    public Vigie.Notices.SmtpOptions? OwnerSmtp { get; init; }

    /// <summary>The public verification portal's address (ending in /verifier), printed as text to type in those emails. None by default.</summary>
    public Uri? PortalAddress { get; init; }

    /// <summary>
    /// The engine's thresholds and weights (`--detection-thresholds FILE`, see `vigie thresholds`): the documented
    /// defaults of <see cref="Vigie.Core.Detection.DetectionOptions"/> unless a file overrides some. Report-only mode
    /// and the time zone are set by their own settings.
    /// </summary>
    public Vigie.Core.Detection.DetectionOptions Thresholds { get; init; } = Vigie.Core.Detection.DetectionOptions.Default;

    /// <summary>The region's time zone, for the engine's working-hours habits. Europe/Paris by default.</summary>
    public string TimeZone { get; init; } = "Europe/Paris";
}
