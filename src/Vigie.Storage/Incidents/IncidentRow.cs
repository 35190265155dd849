namespace Vigie.Storage.Incidents;

/// <summary>
/// One incident. The named accounts, sessions, IPs and user agents are newline-separated text (as the identity
/// table keeps contact lists): they are read whole with the incident and never searched by SQL.
/// </summary>
public sealed class IncidentRow
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public int Origin { get; set; }

    /// <summary>Unique when set: opening an incident for an alert that already has one returns that incident.</summary>
    public string? AlertId { get; set; }

    public DateTimeOffset WindowFrom { get; set; }
    public DateTimeOffset WindowTo { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public int Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string Accounts { get; set; }
    public required string Sessions { get; set; }
    public required string ClientIps { get; set; }
    public required string UserAgents { get; set; }
}
