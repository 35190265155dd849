namespace Vigie.Core.Identity;

/// <summary>
/// The birth dates a professional may type when searching for someone born on a date: the date itself, a day off
/// either way, and the day and month swapped. These are the slips of a registration desk, and the ones the matching's
/// date comparator forgives. A canary must not be found by a search carrying one of them for a real patient: any
/// disclosure of a canary suspends the account that received it.
/// </summary>
public static class BirthDateSlips
{
    /// <summary>The date and its slips, without repeats.</summary>
    public static IReadOnlyList<DateOnly> Of(DateOnly date)
    {
        var dates = new List<DateOnly>(4) { date };
        if (date > DateOnly.MinValue)
        {
            dates.Add(date.AddDays(-1));
        }

        if (date < DateOnly.MaxValue)
        {
            dates.Add(date.AddDays(1));
        }

        if (date.Day <= 12 && date.Day != date.Month)
        {
            dates.Add(new DateOnly(date.Year, date.Day, date.Month));
        }

        return dates;
    }
}
