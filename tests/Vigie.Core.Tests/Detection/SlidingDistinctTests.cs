using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

public sealed class SlidingDistinctTests
{
    private static readonly long Minute = TimeSpan.TicksPerMinute;

    [Fact]
    public void Counts_DistinctPatients_PerWindow()
    {
        var windows = new SlidingDistinct();
        windows.Add(1, unlinked: false, 0);
        windows.Add(2, unlinked: true, 5 * Minute);
        windows.Add(1, unlinked: false, 10 * Minute);
        windows.Advance(10 * Minute);

        Assert.Equal(1, windows.Distinct(0));
        Assert.Equal(2, windows.Distinct(1));
        Assert.Equal(1, windows.Unlinked(1));
    }

    [Fact]
    public void Patients_LeaveEachWindow_WhenTheirLatestAccessDoes()
    {
        var windows = new SlidingDistinct();
        windows.Add(7, unlinked: true, 0);
        windows.Advance(2 * Minute);
        Assert.Equal([0, 1, 1, 1], Counts(windows));

        windows.Advance(61 * Minute);
        Assert.Equal([0, 0, 0, 1], Counts(windows));

        windows.Advance(24 * 60 * Minute);
        Assert.Equal([0, 0, 0, 0], Counts(windows));
        Assert.True(windows.IsEmpty);
    }

    [Fact]
    public void NewIn_SaysWhichWindowsAnAccessWouldAddTo()
    {
        var windows = new SlidingDistinct();
        windows.Add(3, unlinked: false, 0);
        windows.Advance(20 * Minute);

        Assert.Equal(0b0011, windows.NewIn(3));
        Assert.Equal(0b1111, windows.NewIn(4));
    }

    [Fact]
    public void Counts_MatchANaiveRecount_OverRandomAccesses() =>
        Prop.ForAll((from gap in Gen.Choose(1, 400) from patient in Gen.Choose(0, 30) select (gap, patient)).ListOf().ToArbitrary(), steps =>
        {
            var windows = new SlidingDistinct();
            var log = new List<(long Ticks, ulong Patient)>();
            var now = 0L;
            foreach (var (gap, patient) in steps)
            {
                now += gap * 30 * TimeSpan.TicksPerSecond;
                windows.Advance(now);
                windows.Add((ulong)patient, unlinked: patient % 3 == 0, now);
                log.Add((now, (ulong)patient));
                for (var w = 0; w < SlidingDistinct.WindowCount; w++)
                {
                    var inWindow = log.Where(e => e.Ticks > now - SlidingDistinct.WindowTicks[w]).Select(e => e.Patient).Distinct().ToList();
                    if (windows.Distinct(w) != inWindow.Count || windows.Unlinked(w) != inWindow.Count(p => p % 3 == 0))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    private static int[] Counts(SlidingDistinct windows) => [.. Enumerable.Range(0, SlidingDistinct.WindowCount).Select(windows.Distinct)];
}
