namespace Vigie.Storage.Notices;

/// <summary>
/// One person's notification for one incident. The reference is stored as a 128-bit keyed hash (the portal's
/// lookup) and, until the message is sent, sealed with the notices key so that a resumed run can send the very same
/// text; once sent, only the hash remains. The incident id is a plain string: incidents are another feature's table.
/// </summary>
public sealed class NotificationRow
{
    public long Id { get; set; }
    public required string IncidentId { get; set; }
    public required string PatientId { get; set; }

    /// <summary>Vigie.Core.Notices.NoticeChannel.</summary>
    public int Channel { get; set; }

    /// <summary>What the portal may show of the destination ("…42", "…nt@"); null for letters.</summary>
    public string? MaskedDestination { get; set; }

    public required byte[] ReferenceHash { get; set; }

    /// <summary>AES-GCM(nonce ‖ ciphertext ‖ tag) of the reference, bound to the row's message id; null once sent.</summary>
    public byte[]? SealedReference { get; set; }

    /// <summary>The RFC 5322 Message-ID (without brackets), also the idempotency key given to SMS providers.</summary>
    public required string MessageId { get; set; }

    /// <summary>Vigie.Core.Notices.NotificationStatus.</summary>
    public int Status { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>What the channel answered: the SMTP server's reply, the SMS provider's id, the letter file and page.</summary>
    public string? ProviderMessageId { get; set; }
}
