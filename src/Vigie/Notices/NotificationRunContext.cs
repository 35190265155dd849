using Vigie.Core.Notices;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>What the phases of one run share: inputs, keys, a context factory, the clock and the counters.</summary>
internal sealed class NotificationRunContext(NotificationRunOptions options, IReadOnlyDictionary<string, NotificationTarget> targets, NoticeKeys keys,
    Func<VigieDbContext> newContext, TimeProvider clock, ILogger logger, CancellationToken stop)
{
    private int _sent;
    private int _failed;
    private int _retrying;
    private int _resumed;

    public NotificationRunOptions Options => options;
    public NoticeKeys Keys => keys;
    public TimeProvider Clock => clock;
    public ILogger Logger => logger;

    /// <summary>Cancelled when the run must stop claiming (the caller cancelled, the lock was lost, a channel is down).</summary>
    public CancellationToken Stop => stop;

    public int Sent => _sent;
    public int Failed => _failed;
    public int Retrying => _retrying;
    public int Resumed => _resumed;

    public VigieDbContext NewContext() => newContext();

    public void CountSent(int count = 1) => Interlocked.Add(ref _sent, count);
    public void CountFailed() => Interlocked.Increment(ref _failed);
    public void CountRetrying() => Interlocked.Increment(ref _retrying);
    public void CountResumed(int count) => Interlocked.Add(ref _resumed, count);

    /// <summary>The target of a claimed notification, or null when this run's input does not hold that person.</summary>
    public NotificationTarget? TargetOf(ClaimedNotification claimed) => targets.GetValueOrDefault(claimed.PatientId);

    /// <summary>Where the planned channel sends for <paramref name="target"/> now, and what the portal may show of it.</summary>
    public static (string? Destination, string? Mask) DestinationFor(NoticeChannel channel, NotificationTarget target) => channel switch
    {
        NoticeChannel.Email when ChannelChoice.For(target with { Phone = null, Address = null }) is (NoticeChannel.Email, var email) => (email, DestinationMask.For(channel, email)),
        NoticeChannel.Sms when ChannelChoice.MobileNumber(target.Phone) is { } mobile => (mobile, DestinationMask.For(channel, mobile)),
        NoticeChannel.Letter when ChannelChoice.For(target with { Email = null, Phone = null }).Channel == NoticeChannel.Letter => ("letter", null),
        _ => (null, null),
    };

    /// <summary>The reference of a claimed notification, opened from its sealed form.</summary>
    public VerificationReference ReferenceOf(ClaimedNotification claimed) =>
        keys.Unseal(claimed.SealedReference ?? throw new InvalidOperationException($"notification {claimed.Id} has no sealed reference"), claimed.MessageId);

    /// <summary>The notice date: the day it was planned, so a message resent after a crash is the same message.</summary>
    public static DateOnly NoticeDate(ClaimedNotification claimed) => DateOnly.FromDateTime(claimed.PlannedAt.UtcDateTime);
}
