namespace Vigie.Simulation.Region;

/// <summary>Local wall-clock times of the region to UTC instants (a time skipped by daylight saving moves an hour on).</summary>
internal static class LocalTime
{
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateTime At(DateOnly date, double hours) => date.ToDateTime(TimeOnly.MinValue).AddHours(hours);
}
