using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class MatchModelEstimatorTests
{
    [Fact]
    public void Estimate_RecoversKnownParametersFromSimulatedPairs()
    {
        const double prior = 0.1;
        var pairs = SimulatedVectors.Draw(new Random(42), 200_000, prior);

        var model = MatchModelEstimator.Estimate(pairs);

        Assert.True(model.Converged);
        Assert.Equal(prior, model.Prior, 0.005);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            for (var l = 0; l < SimulatedVectors.TrueM[f].Length; l++)
            {
                Assert.True(Math.Abs(SimulatedVectors.TrueM[f][l] - model.M[f][l]) < 0.02, $"m field {f} level {l + 1}: {model.M[f][l]} vs {SimulatedVectors.TrueM[f][l]}");
                Assert.True(Math.Abs(SimulatedVectors.TrueU[f][l] - model.U[f][l]) < 0.01, $"u field {f} level {l + 1}: {model.U[f][l]} vs {SimulatedVectors.TrueU[f][l]}");
            }
        }
    }

    [Fact]
    public void Estimate_OnAStratifiedSample_RecoversTheRegisterParameters()
    {
        // Candidates: a mixture with 10% matches, drawn by two rules that between them leave every field free
        // somewhere. Others: strangers only, each standing for 100 register pairs.
        var random = new Random(7);
        var candidates = SimulatedVectors.Draw(random, 100_000, 0.1);
        var rules = candidates.Select((_, i) => i % 2 == 0 ? BlockingRule.BirthDateAndSex : BlockingRule.Email).ToList();
        var others = SimulatedVectors.Draw(random, 50_000, 0.0);
        var sample = new TrainingSample(candidates, rules, Enumerable.Repeat(1.0, candidates.Count).ToList(), others, 100, records: 3_194);

        var model = MatchModelEstimator.Estimate(sample);

        Assert.True(model.Converged);
        var expectedPrior = 0.1 * 100_000 / (100_000 + (50_000 * 100.0));
        Assert.True(Math.Abs(model.Prior - expectedPrior) / expectedPrior < 0.05, $"prior {model.Prior} vs {expectedPrior}");
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            for (var l = 0; l < SimulatedVectors.TrueM[f].Length; l++)
            {
                Assert.True(Math.Abs(SimulatedVectors.TrueM[f][l] - model.M[f][l]) < 0.02, $"m field {f} level {l + 1}: {model.M[f][l]} vs {SimulatedVectors.TrueM[f][l]}");
                Assert.True(Math.Abs(SimulatedVectors.TrueU[f][l] - model.U[f][l]) < 0.005, $"u field {f} level {l + 1}: {model.U[f][l]} vs {SimulatedVectors.TrueU[f][l]}");
            }
        }

        Assert.Equal(150_000, model.TrainingPairs);
        Assert.Equal(3_194, model.TrainingRecords);
    }

    [Fact]
    public void Estimate_OnAStratifiedSample_IgnoresTheFieldsARuleImplies()
    {
        // Strangers drawn by the date rule all agree on the date: without leaving the date out for them,
        // EM would learn that matches agree on dates far more than they do.
        var random = new Random(8);
        var candidates = SimulatedVectors.Draw(random, 60_000, 0.2)
            .Select(v => v.With(ComparisonField.BirthDate, (int)DateAgreement.Exact).With(ComparisonField.Sex, (int)Agreement.Agree))
            .Concat(SimulatedVectors.Draw(random, 60_000, 0.2))
            .ToList();
        var rules = candidates.Select((_, i) => i < 60_000 ? BlockingRule.BirthDateAndSex : BlockingRule.Email).ToList();
        var others = SimulatedVectors.Draw(random, 50_000, 0.0);

        var model = MatchModelEstimator.Estimate(new TrainingSample(candidates, rules, Enumerable.Repeat(1.0, candidates.Count).ToList(), others, 100, records: 3_194));

        Assert.Equal(SimulatedVectors.TrueM[2][3], model.M[2][3], 0.02);
    }

    [Fact]
    public void Estimate_IsDeterministic()
    {
        var pairs = SimulatedVectors.Draw(new Random(1), 20_000, 0.2);
        var first = MatchModelEstimator.Estimate(pairs);
        var second = MatchModelEstimator.Estimate(pairs.AsEnumerable().Reverse().ToList());
        Assert.Equal(first.Prior, second.Prior);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Assert.Equal(first.M[f], second.M[f]);
            Assert.Equal(first.U[f], second.U[f]);
        }
    }

    [Fact]
    public void Estimate_KeepsProbabilitiesAwayFromZeroAndOne()
    {
        // Every pair agrees on sex: nothing was ever seen disagreeing.
        var pairs = SimulatedVectors.Draw(new Random(2), 5_000, 0.3)
            .Select(v => v.With(ComparisonField.Sex, (int)Agreement.Agree))
            .ToList();
        var options = MatchModelEstimatorOptions.Default with { ProbabilityFloor = 1e-4 };

        var model = MatchModelEstimator.Estimate(pairs, options);

        foreach (var row in model.M.Concat(model.U))
        {
            Assert.All(row, p => Assert.InRange(p, 0.99e-4, 1 - 0.99e-4));
        }

        Assert.True(double.IsFinite(model.Weight(ComparisonField.Sex, (int)Agreement.Disagree)));
    }

    [Fact]
    public void Estimate_OfAFieldNeverObserved_GivesItNoWeight()
    {
        // A register that records no address: the field is missing on every pair and must weigh nothing, not NaN.
        var pairs = SimulatedVectors.Draw(new Random(4), 5_000, 0.3)
            .Select(v => v.With(ComparisonField.Address, (int)AddressAgreement.Missing))
            .ToList();

        var model = MatchModelEstimator.Estimate(pairs);

        for (var level = 0; level < ComparisonVector.LevelCount(ComparisonField.Address); level++)
        {
            Assert.Equal(0.0, model.Weight(ComparisonField.Address, level), 12);
        }

        Assert.True(model.Weight(ComparisonField.BirthDate, (int)DateAgreement.Exact) > 1);
    }

    [Fact]
    public void Estimate_StopsAtTheIterationLimit()
    {
        var pairs = SimulatedVectors.Draw(new Random(3), 5_000, 0.2);
        var model = MatchModelEstimator.Estimate(pairs, MatchModelEstimatorOptions.Default with { MaxIterations = 2 });
        Assert.Equal(2, model.Iterations);
        Assert.False(model.Converged);
    }

    [Fact]
    public void Estimate_WithoutPairs_IsRefused() =>
        Assert.Throws<ArgumentException>(() => MatchModelEstimator.Estimate(new List<ComparisonVector>()));

    [Fact]
    public void SampleTrainingPairs_OfASmallRegister_TakesEveryPair()
    {
        var records = Register(new Random(4), 60, 6).Records;

        var sample = MatchModelEstimator.SampleTrainingPairs(records, new Random(1), 10_000);

        Assert.Equal(66 * 65 / 2, sample.CandidateWeights.Sum() + sample.OtherPairs.Count, 9);
        Assert.Equal(1, sample.OtherWeight);
        Assert.NotEmpty(sample.CandidatePairs);
        Assert.Equal(sample.CandidatePairs.Count, sample.CandidateRules.Count);
    }

    [Fact]
    public void SampleTrainingPairs_OfALargerRegister_SamplesBothStrata()
    {
        var records = Register(new Random(5), 3_000, 300).Records;
        var n = records.Count;

        var sample = MatchModelEstimator.SampleTrainingPairs(records, new Random(1), 1_000);

        Assert.Equal(1_000, sample.Count);
        Assert.Equal(750, sample.CandidatePairs.Count);
        Assert.Equal(250, sample.OtherPairs.Count);
        var represented = sample.CandidateWeights.Sum() + (sample.OtherPairs.Count * sample.OtherWeight);
        Assert.Equal((double)n * (n - 1) / 2, represented, 1e-6 * n * n);
        Assert.True(sample.CandidateRules.Distinct().Count() >= 4, "candidates come from several rules");
        Assert.Equal(n, sample.Records);
    }

    [Fact]
    public void SampleTrainingPairs_WeighsCandidatesBackToDistinctPairs()
    {
        // Fewer block pairs than the sample would take: every block pair is drawn, and the weights (1/j for a
        // pair sharing j blocks) add up to the number of distinct candidate pairs, which the scanner compares.
        var (records, _) = Register(new Random(5), 3_000, 300);

        var sample = MatchModelEstimator.SampleTrainingPairs(records, new Random(1), 100_000);
        var scan = DuplicateScanner.Scan(records, MatchModelTests.Known, MatchThresholds.Default, 1, null, CancellationToken.None);

        Assert.Equal(scan.ComparedPairs, sample.CandidateWeights.Sum(), 6);
    }

    [Fact]
    public void SampleTrainingPairs_IsDeterministicForASeed()
    {
        var records = Register(new Random(6), 2_000, 200).Records;
        var first = MatchModelEstimator.SampleTrainingPairs(records, new Random(9), 1_000);
        var second = MatchModelEstimator.SampleTrainingPairs(records, new Random(9), 1_000);
        Assert.Equal(first.CandidatePairs, second.CandidatePairs);
        Assert.Equal(first.CandidateRules, second.CandidateRules);
        Assert.Equal(first.CandidateWeights, second.CandidateWeights);
        Assert.Equal(first.OtherPairs, second.OtherPairs);
    }

    [Fact]
    public void Estimate_FromSampledRegister_SeparatesDuplicatesFromStrangers()
    {
        var register = Register(new Random(8), 5_000, 500);
        var model = MatchModelEstimator.Estimate(MatchModelEstimator.SampleTrainingPairs(register.Records, new Random(1), 50_000));

        var duplicates = register.Duplicates.Select(p => model.Probability(RecordComparator.Compare(register.Records[p.Original], register.Records[p.Copy]))).ToList();
        var random = new Random(2);
        var strangers = Enumerable.Range(0, 2_000)
            .Select(_ => model.Probability(RecordComparator.Compare(register.Records[random.Next(5_000)], register.Records[5_000 + random.Next(500)])))
            .ToList();

        Assert.True(duplicates.Count(p => p >= 0.5) >= 0.95 * duplicates.Count, "most planted duplicates score at least 0.5");
        Assert.True(strangers.Count(p => p >= 0.5) <= 2, "strangers almost never score 0.5");
    }

    /// <summary>Persons first, then one corrupted copy each of the first <paramref name="duplicates"/> persons.</summary>
    internal static (List<MatchRecord> Records, List<(int Original, int Copy)> Duplicates) Register(Random random, int persons, int duplicates)
    {
        var generator = new TestIdentities(random);
        var traits = Enumerable.Range(0, persons).Select(_ => generator.Person()).ToList();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < duplicates; i++)
        {
            traits.Add(generator.Corrupt(traits[i], generator.RandomCorruptions()));
            pairs.Add((i, traits.Count - 1));
        }

        return (traits.Select(MatchRecord.From).ToList(), pairs);
    }
}
