namespace Vigie.Storage.Detection;

/// <summary>A detection alert: stored, listed by GET /admin/alerts, pushed to the webhook and to the JSON log.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }

    /// <summary>Vigie.Core.Detection.RiskAlertKind, by name.</summary>
    public required string Kind { get; set; }

    public required string ProfessionalId { get; set; }

    public string? Session { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Reasons { get; set; }

    /// <summary>The containment level the alert came with (allow, step-up, throttle, suspend-session, suspend-account).</summary>
    public required string Level { get; set; }

    /// <summary>When the webhook accepted it; null while not delivered (retried).</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>When the professional was told through another channel ("was this you?").</summary>
    public DateTimeOffset? OwnerNotifiedAt { get; set; }
}
