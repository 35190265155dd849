namespace Vigie.Core.Detection;

/// <summary>Local day and hour of the week (Monday 0:00 = 0) in the region's time zone, with the offset cached per hour.</summary>
internal sealed class RegionClock(TimeZoneInfo zone)
{
    private long _hourStart = long.MinValue;
    private TimeSpan _offset;

    public (DateOnly Day, int HourOfWeek) Local(DateTimeOffset time)
    {
        var utc = time.UtcTicks;
        var hourStart = utc - (utc % TimeSpan.TicksPerHour);
        if (hourStart != _hourStart)
        {
            // Offsets change on the hour (daylight saving), so one lookup serves the whole hour.
            _offset = zone.GetUtcOffset(time);
            _hourStart = hourStart;
        }

        var local = new DateTime(utc + _offset.Ticks, DateTimeKind.Unspecified);
        var dayOfWeek = ((int)local.DayOfWeek + 6) % 7;
        return (DateOnly.FromDateTime(local), (dayOfWeek * 24) + local.Hour);
    }
}
