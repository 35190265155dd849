namespace Vigie.Storage.Access;

/// <summary>A read outside the reader's establishments, allowed on a declared purpose: kept for review.</summary>
public sealed class BreakTheGlassRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Subject { get; set; }
    public required string Establishments { get; set; }
    public required string PatientId { get; set; }
    public required string PurposeCode { get; set; }
    public string? Reason { get; set; }
    public string? Session { get; set; }
    public string? ClientIp { get; set; }
    public string? UserAgent { get; set; }
    public required string RequestId { get; set; }

    /// <summary>When a reviewer has looked at it; null while it waits for review.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Who reviewed it (principal subject).</summary>
    public string? ReviewedBy { get; set; }
}
