namespace Vigie.Notices;

/// <summary>One SMS to hand to a provider.</summary>
/// <param name="To">The number in E.164 form.</param>
/// <param name="Text">The text.</param>
/// <param name="IdempotencyKey">The notification's Message-ID: a provider that has seen it answers with the first receipt instead of sending again.</param>
internal sealed record SmsMessage(string To, string Text, string IdempotencyKey);

/// <summary>
/// An SMS provider. Real providers take a client reference for idempotency; an implementation must pass
/// <see cref="SmsMessage.IdempotencyKey"/> there, so a message resent after a crash is not delivered twice.
/// </summary>
internal interface ISmsSender
{
    /// <summary>Sends (or recognises as already sent) one SMS and returns the provider's message id.</summary>
    /// <exception cref="SmsRejectedException">The provider refused this message for good (invalid number, opted out).</exception>
    Task<string> SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>A permanent refusal by the SMS provider: the notification is marked failed, never retried.</summary>
internal sealed class SmsRejectedException(string reason) : Exception(reason);
