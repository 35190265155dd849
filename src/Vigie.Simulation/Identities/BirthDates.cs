using Vigie.Simulation.Identities.Data;

namespace Vigie.Simulation.Identities;

/// <summary>Birth dates following the regional age pyramid, and the two classic ways desks mistype them.</summary>
internal static class BirthDates
{
    private const double DaysPerYear = 365.25;

    public static DateOnly Draw(SimRandom random, DateOnly today)
    {
        var band = NameTables.AgeBands.Draw(random);
        var from = (int)(band * AgePyramid.BandYears * DaysPerYear);
        var to = (int)((band + 1) * AgePyramid.BandYears * DaysPerYear);
        return today.AddDays(-random.Next(from, to));
    }

    /// <summary>The date read the other way round (03/07 for 07/03), or null when that is not a different valid date.</summary>
    public static DateOnly? SwapDayAndMonth(DateOnly date, DateOnly today)
    {
        if (date.Day > 12 || date.Day == date.Month)
        {
            return null;
        }

        // The old month (1-12) is a valid day in every month.
        var swapped = new DateOnly(date.Year, date.Day, date.Month);
        return swapped <= today ? swapped : null;
    }

    /// <summary>
    /// The date with one digit of its ddMMyyyy form one off (a slip on the keypad), or null when a few tries
    /// give no valid date that differs and is not in the future.
    /// </summary>
    public static DateOnly? ChangeOneDigit(DateOnly date, SimRandom random, DateOnly today)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            int day = date.Day, month = date.Month, year = date.Year;
            var delta = random.Chance(0.5) ? 1 : -1;
            switch (random.Next(6))
            {
                case 0:
                    day = Bump(day, 10, delta);
                    break;
                case 1:
                    day = Bump(day, 1, delta);
                    break;
                case 2:
                    month = Bump(month, 1, delta);
                    break;
                case 3:
                    month = Bump(month, 10, delta);
                    break;
                case 4:
                    year = Bump(year, 1, delta);
                    break;
                default:
                    year = Bump(year, 10, delta);
                    break;
            }

            if (month is >= 1 and <= 12 && day >= 1 && year >= 1900 && day <= DateTime.DaysInMonth(year, month))
            {
                var changed = new DateOnly(year, month, day);
                if (changed != date && changed <= today)
                {
                    return changed;
                }
            }
        }

        return null;
    }

    /// <summary>Moves one decimal digit of <paramref name="value"/> up or down by one, wrapping within that digit.</summary>
    private static int Bump(int value, int place, int delta)
    {
        var digit = value / place % 10;
        var bumped = (digit + delta + 10) % 10;
        return value + ((bumped - digit) * place);
    }
}
