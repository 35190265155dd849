using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class MatchScorerTests
{
    private static readonly ComparisonVector AllAgree = new(
        NameAgreement.Exact, GivenNameAgreement.Exact, DateAgreement.Exact, Agreement.Agree,
        PlaceAgreement.Exact, Agreement.Agree, Agreement.Agree, GivenNamesAgreement.Exact, AddressAgreement.Exact);

    [Theory]
    [InlineData(0.9995, MatchGrade.Certain)]
    [InlineData(0.999, MatchGrade.Certain)]
    [InlineData(0.95, MatchGrade.Probable)]
    [InlineData(0.90, MatchGrade.Probable)]
    [InlineData(0.7, MatchGrade.Possible)]
    [InlineData(0.5, MatchGrade.Possible)]
    [InlineData(0.49, MatchGrade.CertainlyNot)]
    [InlineData(0.0, MatchGrade.CertainlyNot)]
    public void Grade_FollowsTheDefaultThresholds(double probability, MatchGrade expected) =>
        Assert.Equal(expected, MatchThresholds.Default.Grade(probability));

    [Fact]
    public void Thresholds_OutOfOrder_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchThresholds(0.9, 0.95, 0.5).Validated());
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchThresholds(1.1, 0.95, 0.5).Validated());
        Assert.Equal(MatchThresholds.Default, MatchThresholds.Default.Validated());
    }

    [Fact]
    public void Score_OfFullAgreement_IsCertain()
    {
        var score = MatchScorer.Score(MatchModelTests.Known, AllAgree, MatchThresholds.Default);
        Assert.Equal(MatchGrade.Certain, score.Grade);
        Assert.Equal(MatchModelTests.Known.Probability(AllAgree), score.Score);
    }

    [Theory]
    [InlineData(ComparisonField.Sex, (int)Agreement.Disagree)]
    [InlineData(ComparisonField.BirthDate, (int)DateAgreement.Disagree)]
    [InlineData(ComparisonField.FirstGivenName, (int)GivenNameAgreement.Disagree)]
    [InlineData(ComparisonField.GivenNames, (int)GivenNamesAgreement.Disagree)] // homonyms born in the same place
    public void Score_WithAHardConflict_IsNeverCertain(ComparisonField field, int level)
    {
        // A permissive threshold makes the model's probability certain; the hard rule still caps the grade.
        var thresholds = new MatchThresholds(0.0, 0.0, 0.0);
        var vector = AllAgree.With(field, level);

        var score = MatchScorer.Score(MatchModelTests.Known, vector, thresholds);

        Assert.Equal(MatchGrade.Probable, score.Grade);
        Assert.Equal(MatchModelTests.Known.Probability(vector), score.Score);
        Assert.False(MatchScorer.MayBeCertain(vector));
    }

    [Fact]
    public void Score_OfTransposedDate_MayStillBeCertain() =>
        Assert.True(MatchScorer.MayBeCertain(AllAgree.With(ComparisonField.BirthDate, (int)DateAgreement.DayMonthTransposed)));

    [Fact]
    public void Score_IsAlwaysInZeroOneAndGradedByThresholds() =>
        Prop.ForAll(MatchModelTests.Vectors, v =>
            {
                var score = MatchScorer.Score(MatchModelTests.Known, v, MatchThresholds.Default);
                var expected = MatchThresholds.Default.Grade(score.Score);
                return score.Score is >= 0.0 and <= 1.0
                    && (score.Grade == expected || (expected == MatchGrade.Certain && score.Grade == MatchGrade.Probable && !MatchScorer.MayBeCertain(v)));
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Score_OfRecords_ComparesThemFirst()
    {
        var a = Person.Record(birthName: "DUPONT", birthDate: new DateOnly(1980, 3, 5), sex: Sex.Female);
        var b = Person.Record(birthName: "DUPONT", birthDate: new DateOnly(1980, 5, 3), sex: Sex.Female);
        var expected = MatchScorer.Score(MatchModelTests.Known, RecordComparator.Compare(a, b), MatchThresholds.Default);
        Assert.Equal(expected, MatchScorer.Score(MatchModelTests.Known, a, b, MatchThresholds.Default));
    }

    [Fact]
    public void Score_DoesNotAllocate()
    {
        var a = Person.Record(birthName: "DUPONT", usedName: "MARTIN", phones: ["0612345678"]);
        var b = Person.Record(birthName: "MARTIN", firstGiven: "MARIA", phones: ["0612345678"]);
        MatchScorer.Score(MatchModelTests.Known, a, b, MatchThresholds.Default);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            MatchScorer.Score(MatchModelTests.Known, a, b, MatchThresholds.Default);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
