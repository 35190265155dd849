namespace Vigie.Storage.Notices;

/// <summary>
/// One answer of the verification portal, for the security team: when, which outcome, why a malformed input was
/// refused, and the notification a known reference belongs to. Never the reference, its hash, the visitor's
/// address or anything typed: ids and counts only.
/// </summary>
public sealed class PortalAnswerRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary><see cref="Core.Notices.PortalOutcome"/>.</summary>
    public int Outcome { get; set; }

    /// <summary><see cref="Core.Notices.ReferenceProblem"/> of a malformed input; 0 otherwise.</summary>
    public int Problem { get; set; }

    /// <summary>The notification a genuine or unsent reference belongs to.</summary>
    public long? NotificationId { get; set; }
}
