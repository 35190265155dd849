namespace Vigie.Storage.Detection;

/// <summary>
/// A session or account suspension, shared by every node that serves the database: each request checks it before
/// anything else. A row is never deleted; a release sets <see cref="ReleasedAt"/>.
/// </summary>
public sealed class ContainmentRow
{
    public long Id { get; set; }

    /// <summary>0 session, 1 account (Vigie.Core.Detection.ContainmentScope).</summary>
    public int Scope { get; set; }

    public required string ProfessionalId { get; set; }

    /// <summary>The session suspended; null for an account suspension (all its sessions).</summary>
    public string? Session { get; set; }

    public DateTimeOffset SuspendedAt { get; set; }

    /// <summary>Reason codes, comma-separated (see docs/decisions/0007-detection.md).</summary>
    public required string Reasons { get; set; }

    /// <summary>"engine", or the security officer who suspended by hand.</summary>
    public required string SuspendedBy { get; set; }

    /// <summary>False in report-only mode: recorded, not enforced.</summary>
    public bool Enforced { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    public string? ReleasedBy { get; set; }
}
