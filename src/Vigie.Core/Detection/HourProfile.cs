namespace Vigie.Core.Detection;

/// <summary>
/// When an account works: decayed counts of the hours of the week (Monday 0:00 = 0) in which it disclosed something
/// on clean days, blended with its role's <see cref="WorkPattern"/> as a prior worth a few weeks.
/// </summary>
internal sealed class HourProfile
{
    public const int Hours = 168;

    // Roughly how many hours a week a professional works: the prior's weight per week.
    private const double HoursPerWeek = 45;

    private static readonly double[][] Patterns = [Build(WorkPattern.Office), Build(WorkPattern.Day), Build(WorkPattern.Shifts), Build(WorkPattern.Continuous)];

    private readonly double[] _counts = new double[Hours];
    private double _total;

    public void Learn(ReadOnlySpan<ulong> activeHours, double decay)
    {
        _total = 0;
        for (var h = 0; h < Hours; h++)
        {
            _counts[h] = (_counts[h] * decay) + (((activeHours[h >> 6] >> (h & 63)) & 1) != 0 ? 1 : 0);
            _total += _counts[h];
        }
    }

    /// <summary>The largest share of activity at this hour or the next or previous one (work spills over the hour).</summary>
    public double Share(int hourOfWeek, WorkPattern pattern, double priorWeeks)
    {
        var prior = Patterns[(int)pattern];
        var weight = priorWeeks * HoursPerWeek;
        var best = 0.0;
        for (var d = -1; d <= 1; d++)
        {
            var h = (hourOfWeek + d + Hours) % Hours;
            best = Math.Max(best, (_counts[h] + (weight * prior[h])) / (_total + weight));
        }

        return best;
    }

    public static void Set(Span<ulong> bits, int hourOfWeek) => bits[hourOfWeek >> 6] |= 1UL << (hourOfWeek & 63);

    private static double[] Build(WorkPattern pattern)
    {
        var shares = new double[Hours];
        for (var h = 0; h < Hours; h++)
        {
            var day = h / 24; // 0 = Monday
            var hour = h % 24;
            shares[h] = pattern switch
            {
                WorkPattern.Office => day < 5 && hour is >= 8 and < 19 ? 1 : day == 5 && hour is >= 8 and < 13 ? 0.1 : 0.02,
                WorkPattern.Day => day < 6 && hour is >= 7 and < 21 ? 1 : day == 6 && hour is >= 8 and < 20 ? 0.2 : 0.02,
                WorkPattern.Shifts => hour is >= 7 and < 21 ? 1 : 0.5,
                _ => 1,
            };
        }

        var sum = shares.Sum();
        for (var h = 0; h < Hours; h++)
        {
            shares[h] /= sum;
        }

        return shares;
    }
}
