namespace Vigie.Core.Incidents;

/// <summary>
/// The GDPR Art. 33(1) clock: the controller notifies the supervisory authority "without undue delay and, where
/// feasible, not later than 72 hours after having become aware of it". Counted from detection, read from an
/// injected clock, so a draft says truthfully how much time is left or by how much the deadline was missed.
/// </summary>
/// <param name="DetectedAt">When the breach became known.</param>
/// <param name="Deadline">Detection plus 72 hours.</param>
/// <param name="Now">The time the draft was produced.</param>
public sealed record DeclarationClock(DateTimeOffset DetectedAt, DateTimeOffset Deadline, DateTimeOffset Now)
{
    /// <summary>The GDPR delay.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromHours(72);

    /// <summary>The clock of a breach detected at <paramref name="detectedAt"/>, read at <paramref name="now"/>.</summary>
    public static DeclarationClock For(DateTimeOffset detectedAt, DateTimeOffset now) => new(detectedAt, detectedAt + Delay, now);

    /// <summary>True once the deadline has passed: Art. 33(1) then requires the reasons for the delay.</summary>
    public bool Overdue => Now >= Deadline;

    /// <summary>Time left before the deadline; zero when overdue.</summary>
    public TimeSpan Remaining => Overdue ? TimeSpan.Zero : Deadline - Now;

    /// <summary>Time past the deadline; zero before it.</summary>
    public TimeSpan OverdueBy => Overdue ? Now - Deadline : TimeSpan.Zero;

    /// <summary>Whole minutes left (negative when overdue), for the JSON form.</summary>
    public long MinutesLeft => (long)Math.Floor((Deadline - Now).TotalMinutes);
}
