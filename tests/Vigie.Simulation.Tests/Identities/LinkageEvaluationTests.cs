using FsCheck;
using FsCheck.Fluent;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

public sealed class LinkageEvaluationTests
{
    // Records 0-2 are one person, 3-4 another, 5 a third: 3 + 1 = 4 true pairs.
    private static readonly int[] Keys = [10, 10, 10, 20, 20, 30];

    [Fact]
    public void HandMadeExample_CountsPairsOnce_AndIgnoresSelfPairs()
    {
        (int, int)[] predicted = [(0, 1), (1, 0), (4, 3), (2, 5), (0, 0)];

        var score = LinkageEvaluation.Evaluate(Keys, predicted);

        Assert.Equal(new LinkageScore(TruePositives: 2, FalsePositives: 1, FalseNegatives: 2), score);
        Assert.Equal(2.0 / 3, score.Precision, 12);
        Assert.Equal(0.5, score.Recall, 12);
        Assert.Equal(4.0 / 7, score.F1, 12);
    }

    [Fact]
    public void TruePairs_CountsNChooseTwoPerPerson()
    {
        Assert.Equal(4, LinkageEvaluation.CountTruePairs(Keys));
    }

    [Fact]
    public void NoPrediction_HasFullPrecision_NoRecall()
    {
        var score = LinkageEvaluation.Evaluate(Keys, []);

        Assert.Equal(1, score.Precision);
        Assert.Equal(0, score.Recall);
        Assert.Equal(0, score.F1);
    }

    [Fact]
    public void PerfectPrediction_OnAGeneratedRegion_ScoresOne()
    {
        var records = new SyntheticIdentityGenerator(9, SampleRegion.Today).GenerateBatch(10_000);

        var score = LinkageEvaluation.Evaluate(records, LinkageEvaluation.TruePairs(records));

        Assert.Equal(1, score.F1);
        Assert.Equal(LinkageEvaluation.CountTruePairs([.. records.Select(r => r.PersonKey)]), score.TruePositives);
    }

    [Fact]
    public void PairOutsideTheRecords_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkageEvaluation.Evaluate(Keys, [(0, 6)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkageEvaluation.Evaluate(Keys, [(-1, 2)]));
    }

    [Fact]
    public void AnyPrediction_SplitsTheTruthExactly_AndScoresWithinZeroAndOne()
    {
        var property = Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 5)).Where(keys => keys.Length >= 2).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 1_000).Two()).ToArbitrary(),
            (keys, raw) =>
            {
                var predicted = raw.Select(p => (p.Item1 % keys.Length, p.Item2 % keys.Length)).ToArray();
                var score = LinkageEvaluation.Evaluate(keys, predicted);
                var distinct = predicted.Where(p => p.Item1 != p.Item2).Select(p => (Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))).Distinct().Count();
                return score.TruePositives + score.FalseNegatives == LinkageEvaluation.CountTruePairs(keys)
                    && score.TruePositives + score.FalsePositives == distinct
                    && score.F1 is >= 0 and <= 1
                    && score.F1 <= Math.Max(score.Precision, score.Recall) + 1e-12;
            });

        Check.QuickThrowOnFailure(property);
    }
}
