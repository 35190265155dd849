using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class BirthDatesTests
{
    [Fact]
    public void DayMonthSwap_NeedsADayThatCanBeAMonth()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(new DateOnly(1980, 3, 7), BirthDates.SwapDayAndMonth(new DateOnly(1980, 7, 3), today));
        Assert.Null(BirthDates.SwapDayAndMonth(new DateOnly(1980, 7, 13), today));
        Assert.Null(BirthDates.SwapDayAndMonth(new DateOnly(1980, 5, 5), today));
        Assert.Null(BirthDates.SwapDayAndMonth(new DateOnly(2026, 3, 12), today));
    }

    [Fact]
    public void DigitChange_GivesAnotherValidPastDate_DifferingInOneDigit()
    {
        var random = new SimRandom(5);
        var today = new DateOnly(2026, 11, 23);
        var date = new DateOnly(1975, 10, 29);
        for (var i = 0; i < 1_000; i++)
        {
            var changed = BirthDates.ChangeOneDigit(date, random, today);
            Assert.NotNull(changed);
            Assert.NotEqual(date, changed);
            Assert.True(changed <= today);
            var before = date.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture);
            var after = changed.Value.ToString("ddMMyyyy", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1, before.Zip(after).Count(pair => pair.First != pair.Second));
        }
    }
}
