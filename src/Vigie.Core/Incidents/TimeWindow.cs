namespace Vigie.Core.Incidents;

/// <summary>
/// A half-open time interval [<see cref="From"/>, <see cref="To"/>): an entry at exactly <see cref="To"/> is
/// outside, so consecutive windows never count an entry twice.
/// </summary>
/// <param name="From">The first instant inside.</param>
/// <param name="To">The first instant after the window.</param>
public readonly record struct TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A window, refused when it is empty or reversed.</summary>
    public static ParseResult<TimeWindow> Create(DateTimeOffset from, DateTimeOffset to) =>
        from < to
            ? ParseResult<TimeWindow>.Ok(new TimeWindow(from.ToUniversalTime(), to.ToUniversalTime()))
            : ParseResult<TimeWindow>.Fail("the window's start must be before its end");

    /// <summary>True when <paramref name="time"/> is inside.</summary>
    public bool Contains(DateTimeOffset time) => time >= From && time < To;

    /// <summary>The window's length.</summary>
    public TimeSpan Length => To - From;
}
