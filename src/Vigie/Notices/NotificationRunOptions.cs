using Vigie.Core.Notices;

namespace Vigie.Notices;

/// <summary>What one notification run needs besides the targets.</summary>
/// <param name="IncidentId">The incident (1 to 64 of A-Z a-z 0-9 . _ : -); with the patient id it makes a notification unique.</param>
/// <param name="Facts">The checked notice facts.</param>
/// <param name="MessageIdDomain">The domain of Message-IDs (the sender's domain).</param>
/// <param name="Smtp">The SMTP relay; required when someone is to be emailed.</param>
/// <param name="Sms">The SMS provider; required when someone is to get an SMS.</param>
/// <param name="LettersDirectory">Where printable letter batches are written.</param>
internal sealed record NotificationRunOptions(string IncidentId, NoticeFacts Facts, string MessageIdDomain, SmtpOptions? Smtp, ISmsSender? Sms, string LettersDirectory)
{
    /// <summary>Attempts per message before it is marked failed (transient refusals, dropped connections).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Notifications claimed per database round trip.</summary>
    public int ClaimBatch { get; init; } = 200;

    /// <summary>Pages per letter batch file.</summary>
    public int LettersPerFile { get; init; } = 1000;

    /// <summary>A run lock whose heartbeat is older than this may be taken over.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the run refreshes its lock.</summary>
    public TimeSpan HeartbeatEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause before retrying messages that met a transient refusal.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often progress is reported.</summary>
    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Test hook: called with the notification id after the channel accepted a message and before the
    /// acceptance is recorded (the crash window the decision record discusses).</summary>
    internal Action<long>? AfterSendBeforeConfirm { get; init; }
}
