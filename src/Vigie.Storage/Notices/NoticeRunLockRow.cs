namespace Vigie.Storage.Notices;

/// <summary>
/// At most one notification run per incident at a time. Without it a second run would take the first run's
/// in-flight messages for abandoned ones and send them again. The holder refreshes the heartbeat; a row whose
/// heartbeat is stale, or whose holder is a process of this machine that no longer exists, may be taken over.
/// </summary>
public sealed class NoticeRunLockRow
{
    public required string IncidentId { get; set; }

    /// <summary>"machine|pid|process start (Unix ms)|run id".</summary>
    public required string Owner { get; set; }

    public DateTimeOffset AcquiredAt { get; set; }
    public DateTimeOffset HeartbeatAt { get; set; }
}
