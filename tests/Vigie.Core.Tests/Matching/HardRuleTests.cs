using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

/// <summary>The identitovigilance caps on the certain grade, whatever the weights say.</summary>
public sealed class HardRuleTests
{
    private static ComparisonVector Vector(NameAgreement family, GivenNameAgreement given, DateAgreement date) =>
        new(family, given, date, Agreement.Agree, PlaceAgreement.Missing, Agreement.Missing, Agreement.Missing);

    [Fact]
    public void NameTypoAndTransposedDate_TogetherCannotBeCertain() =>
        Assert.False(MatchScorer.MayBeCertain(Vector(NameAgreement.Phonetic, GivenNameAgreement.Exact, DateAgreement.DayMonthTransposed)));

    [Fact]
    public void OneDiscrepancyAlone_MayBeCertain()
    {
        Assert.True(MatchScorer.MayBeCertain(Vector(NameAgreement.Phonetic, GivenNameAgreement.Exact, DateAgreement.Exact)));
        Assert.True(MatchScorer.MayBeCertain(Vector(NameAgreement.Exact, GivenNameAgreement.Exact, DateAgreement.DayMonthTransposed)));
    }

    [Fact]
    public void GivenNameTypoAndDateDigit_TogetherCannotBeCertain() =>
        Assert.False(MatchScorer.MayBeCertain(Vector(NameAgreement.Exact, GivenNameAgreement.JaroWinklerHigh, DateAgreement.OneComponentDiffers)));

    [Fact]
    public void MarriedNameCountsAsAgreement() =>
        Assert.True(MatchScorer.MayBeCertain(Vector(NameAgreement.ExactOtherName, GivenNameAgreement.Exact, DateAgreement.Exact)));

    [Fact]
    public void HomonymBornElsewhere_CannotBeCertain() =>
        Assert.False(MatchScorer.MayBeCertain(new ComparisonVector(NameAgreement.Exact, GivenNameAgreement.Exact, DateAgreement.Exact,
            Agreement.Agree, PlaceAgreement.Disagree, Agreement.Missing, Agreement.Missing)));
}
