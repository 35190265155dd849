using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class SmallPiecesTests
{
    [Fact]
    public void IppScrambler_IsAPermutation()
    {
        var seen = new HashSet<ulong>();
        for (ulong slot = 0; slot < 200_000; slot++)
        {
            var ipp = IppScrambler.Scramble(slot, 12345);
            Assert.True(ipp < IppScrambler.Range);
            Assert.True(seen.Add(ipp));
        }
    }

    [Fact]
    public void IppScrambler_DependsOnTheEstablishmentKey()
    {
        Assert.NotEqual(IppScrambler.Scramble(77, 1), IppScrambler.Scramble(77, 2));
    }

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

    [Fact]
    public void WeightedTable_DrawsInProportion()
    {
        var table = new WeightedTable<string>([("rare", 1), ("common", 9)]);
        var random = new SimRandom(8);

        var common = Enumerable.Range(0, 100_000).Count(_ => table.Draw(random) == "common");

        Assert.InRange(common, 89_000, 91_000);
    }

    [Fact]
    public void SimRandom_IsFixedByItsSeed()
    {
        // Pinned values: a change here changes every generated region, which must be a deliberate decision.
        var random = new SimRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { EstablishmentCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { DuplicateShare = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { HomonymShare = 0.6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { MaxExtraRecords = 8 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { QualifiedShare = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticIdentityGenerator(1, today, new SyntheticIdentityOptions { MaxDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void SingleEstablishment_HoldsEveryRecord()
    {
        var generator = new SyntheticIdentityGenerator(1, new DateOnly(2026, 11, 23), new SyntheticIdentityOptions { EstablishmentCount = 1 });

        Assert.All(generator.GenerateBatch(3_000), r => Assert.Equal(generator.Establishments[0], r.Establishment));
    }

    [Fact]
    public void DemoInsKind_LabelsTheNumbers()
    {
        var generator = new SyntheticIdentityGenerator(1, new DateOnly(2026, 11, 23), new SyntheticIdentityOptions { InsKind = Vigie.Core.Identity.InsKind.Demo });

        Assert.All(generator.GenerateBatch(2_000).Where(r => r.Ins is not null), r => Assert.Equal(Vigie.Core.Identity.InsKind.Demo, r.Ins!.Value.Kind));
    }
}
