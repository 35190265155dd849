using Vigie.Core.Notices;

namespace Vigie.Storage.Notices;

/// <summary>A notification about to be planned: its reference already drawn, hashed and sealed by the caller.</summary>
/// <param name="PatientId">The person.</param>
/// <param name="Channel">The channel chosen; <see cref="NoticeChannel.None"/> is planned directly as failed.</param>
/// <param name="ReferenceHash">The 128-bit keyed hash of the reference.</param>
/// <param name="SealedReference">The sealed reference (null for a person that cannot be reached).</param>
/// <param name="MessageId">The Message-ID / idempotency key.</param>
/// <param name="FailedBecause">Set when the person cannot be reached: the row is planned as failed with this reason.</param>
public sealed record PlannedNotification(string PatientId, NoticeChannel Channel, byte[] ReferenceHash, byte[]? SealedReference, string MessageId, string? FailedBecause = null);

/// <summary>A notification claimed by a run, with what it needs to render and send the message.</summary>
public sealed record ClaimedNotification(long Id, string PatientId, NoticeChannel Channel, byte[]? SealedReference, string MessageId, int Attempts, DateTimeOffset PlannedAt);

/// <summary>A channel's acceptance of one message.</summary>
/// <param name="Id">The notification.</param>
/// <param name="ProviderMessageId">The channel's receipt (SMTP reply, provider id, file#page).</param>
/// <param name="MaskedDestination">What the portal may show of the destination.</param>
public sealed record Delivery(long Id, string? ProviderMessageId, string? MaskedDestination);

/// <summary>How many notifications of an incident are in each status, per channel.</summary>
public sealed record NotificationCount(NoticeChannel Channel, NotificationStatus Status, int Count);

/// <summary>
/// What the portal learns from a reference: only the status, the channel, the masked destination and the date (and
/// the row's id, which the portal records with its answer for the security team).
/// </summary>
public sealed record NotificationLookup(long Id, NotificationStatus Status, NoticeChannel Channel, string? MaskedDestination, DateTimeOffset? SentAt);
