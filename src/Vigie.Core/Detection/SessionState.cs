namespace Vigie.Core.Detection;

/// <summary>One session's windows, signals, last query keys and step-up or throttle state.</summary>
internal sealed class SessionState(string id, long firstTicks, NetworkKey network, ulong userAgent)
{
    public string Id { get; } = id;

    public long FirstTicks { get; } = firstTicks;

    public NetworkKey FirstNetwork { get; } = network;

    public NetworkKey Network = network;

    public ulong UserAgent = userAgent;

    public string? IpText;

    public string? UserAgentText;

    public long LastTicks = firstTicks;

    /// <summary>
    /// Since when another session of the account has been active alongside this one (ticks), or 0; pauses shorter
    /// than <see cref="DetectionOptions.ConcurrencyPause"/> do not end it.
    /// </summary>
    public long ConcurrentSince;

    /// <summary>When another active session was last seen beside this one (ticks).</summary>
    public long ConcurrentSeen;

    public readonly SlidingDistinct Window = new();

    public SessionSignals Signals;

    public int LastNameKey;

    /// <summary>Name key of the last name-only search (no birth date), for <see cref="SessionSignals.UndatedOrder"/>.</summary>
    public int LastUndatedNameKey;

    public int LastBirthDay;
    public long LastIdentifier;

    /// <summary>Total evidence at the last decision.</summary>
    public double LastTotal;

    /// <summary>Evidence already vouched for by a passed step-up: the next one needs a fresh threshold above it.</summary>
    public double Cleared;

    public bool Passed;

    /// <summary>When a step-up was asked for and not passed yet (ticks), else null.</summary>
    public long? PendingSince;

    public IReadOnlyList<string> PendingReasons = [];

    /// <summary>True once security officers were alerted that the pending step-up went unanswered.</summary>
    public bool UnansweredAlerted;

    public Queue<long>? RefusedWhilePending;

    public long ThrottledUntil;

    public int RequestsWhileThrottled;

    public IReadOnlyList<string> ThrottleReasons = [];
}
