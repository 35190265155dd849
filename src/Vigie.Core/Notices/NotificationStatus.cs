namespace Vigie.Core.Notices;

/// <summary>Where one person's notification stands. The numeric values are stored and never change.</summary>
public enum NotificationStatus
{
    /// <summary>Planned (reference drawn), not yet handed to a channel.</summary>
    Pending = 0,

    /// <summary>Claimed by a run and being handed to the channel; if the run dies here, the next run sends it again
    /// with the same Message-ID and reference (see docs/decisions/0008-notices.md).</summary>
    Sending = 1,

    /// <summary>The channel accepted it (SMTP 250, SMS provider receipt, letter written to the batch file).</summary>
    Sent = 2,

    /// <summary>Given up: refused permanently, too many attempts, or no usable contact.</summary>
    Failed = 3,
}
