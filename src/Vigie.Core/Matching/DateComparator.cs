namespace Vigie.Core.Matching;

/// <summary>Agreement levels for birth dates.</summary>
public static class DateComparator
{
    /// <summary>Compares the birth dates of two records.</summary>
    public static DateAgreement Compare(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compare(a.BirthYear, a.BirthMonth, a.BirthDay, b.BirthYear, b.BirthMonth, b.BirthDay);
    }

    /// <summary>Compares two dates, either of which may be unknown.</summary>
    public static DateAgreement Compare(DateOnly? a, DateOnly? b) =>
        a is not { } x || b is not { } y
            ? DateAgreement.Missing
            : Compare(x.Year, x.Month, x.Day, y.Year, y.Month, y.Day);

    // Components are 0 when unknown (a record knows all three or none).
    private static DateAgreement Compare(int aYear, int aMonth, int aDay, int bYear, int bMonth, int bDay)
    {
        if (aYear == 0 || bYear == 0)
        {
            return DateAgreement.Missing;
        }

        var differences = (aYear != bYear ? 1 : 0) + (aMonth != bMonth ? 1 : 0) + (aDay != bDay ? 1 : 0);
        if (differences == 0)
        {
            return DateAgreement.Exact;
        }

        if (aYear == bYear && aDay == bMonth && aMonth == bDay)
        {
            return DateAgreement.DayMonthTransposed;
        }

        return differences == 1 ? DateAgreement.OneComponentDiffers : DateAgreement.Disagree;
    }
}
