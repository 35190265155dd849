using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class MatchModelTests
{
    internal static readonly MatchModel Known = new(
        MatchModel.CurrentVersion,
        0.1,
        SimulatedVectors.TrueM.Select(r => (IReadOnlyList<double>)r).ToList(),
        SimulatedVectors.TrueU.Select(r => (IReadOnlyList<double>)r).ToList(),
        iterations: 12,
        converged: true,
        trainingPairs: 1000,
        trainingRecords: 0);

    /// <summary>Any vector: each field at any of its levels.</summary>
    internal static readonly Arbitrary<ComparisonVector> Vectors =
        Gen.Choose(0, 6).Zip(Gen.Choose(0, 6)).Zip(Gen.Choose(0, 4).Zip(Gen.Choose(0, 2))).Zip(Gen.Choose(0, 3).Zip(Gen.Choose(0, 2).Zip(Gen.Choose(0, 2))))
            .Zip(Gen.Choose(0, 3).Zip(Gen.Choose(0, 3)))
            .Select(t => new ComparisonVector(
                (NameAgreement)t.Item1.Item1.Item1.Item1,
                (GivenNameAgreement)t.Item1.Item1.Item1.Item2,
                (DateAgreement)t.Item1.Item1.Item2.Item1,
                (Agreement)t.Item1.Item1.Item2.Item2,
                (PlaceAgreement)t.Item1.Item2.Item1,
                (Agreement)t.Item1.Item2.Item2.Item1,
                (Agreement)t.Item1.Item2.Item2.Item2,
                (GivenNamesAgreement)t.Item2.Item1,
                (AddressAgreement)t.Item2.Item2))
            .ToArbitrary();

    [Fact]
    public void Model_RoundTripsThroughJson()
    {
        var json = JsonSerializer.Serialize(Known);
        var back = JsonSerializer.Deserialize<MatchModel>(json)!;

        Assert.Equal(Known.Version, back.Version);
        Assert.Equal(Known.Prior, back.Prior);
        Assert.Equal(Known.Iterations, back.Iterations);
        Assert.Equal(Known.Converged, back.Converged);
        Assert.Equal(Known.TrainingPairs, back.TrainingPairs);
        Assert.Equal(Known.TrainingRecords, back.TrainingRecords);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Assert.Equal(Known.M[f], back.M[f]);
            Assert.Equal(Known.U[f], back.U[f]);
        }

        Assert.Contains("\"Prior\":0.1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_FromAnotherSchemaVersion_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new MatchModel("vigie-fs/0", 0.1, Known.M, Known.U, 1, true, 1));

    [Fact]
    public void Model_WithTheWrongShape_IsRefused()
    {
        var tooFewFields = Known.M.Take(6).ToList();
        Assert.Throws<ArgumentException>(() => new MatchModel(MatchModel.CurrentVersion, 0.1, tooFewFields, Known.U, 1, true, 1));
        var wrongLevels = Known.M.Select((row, f) => f == 3 ? (IReadOnlyList<double>)[0.5, 0.25, 0.25] : row).ToList();
        Assert.Throws<ArgumentException>(() => new MatchModel(MatchModel.CurrentVersion, 0.1, wrongLevels, Known.U, 1, true, 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Model_WithAProbabilityOutOfRange_IsRefused(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchModel(MatchModel.CurrentVersion, bad, Known.M, Known.U, 1, true, 1));
        var badM = Known.M.Select((row, f) => f == 3 ? (IReadOnlyList<double>)[bad, 1 - bad] : row).ToList();
        Assert.ThrowsAny<ArgumentException>(() => new MatchModel(MatchModel.CurrentVersion, 0.1, badM, Known.U, 1, true, 1));
    }

    [Fact]
    public void Model_ExposesNoMutableState()
    {
        var m = Assert.IsAssignableFrom<System.Collections.IList>(Known.M);
        Assert.True(m.IsReadOnly);
        Assert.True(Assert.IsAssignableFrom<System.Collections.IList>(Known.M[0]).IsReadOnly);
    }

    [Fact]
    public void ForRegisterSize_ScalesThePriorAsOneOverTheOtherRecords()
    {
        var trained = new MatchModel(MatchModel.CurrentVersion, 2e-5, Known.M, Known.U, 10, true, 1000, trainingRecords: 20_001);

        var large = trained.ForRegisterSize(1_000_001);

        Assert.Equal(2e-5 * 20_000 / 1_000_000, large.Prior, 15);
        Assert.Equal(1_000_001, large.TrainingRecords);
        Assert.Equal(trained.M, large.M);
        Assert.Same(trained, trained.ForRegisterSize(20_001));
        Assert.Same(Known, Known.ForRegisterSize(1_000_000)); // λ of a pair list, not of a register: left alone
        var vector = new ComparisonVector(
            NameAgreement.Exact, GivenNameAgreement.Exact, DateAgreement.Exact, Agreement.Agree,
            PlaceAgreement.Missing, Agreement.Missing, Agreement.Missing);
        Assert.True(large.Probability(vector) < trained.Probability(vector));
    }

    [Fact]
    public void Weight_IsLogOfMOverU_AndZeroWhenMissing()
    {
        Assert.Equal(Math.Log(0.80 / 0.015), Known.Weight(ComparisonField.FamilyName, (int)NameAgreement.Exact), 12);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Assert.Equal(0.0, Known.Weight((ComparisonField)f, 0));
        }
    }

    [Fact]
    public void Probability_OfAllMissing_IsThePrior() =>
        Assert.Equal(0.1, Known.Probability(default), 12);

    [Fact]
    public void Probability_IsBayesRule()
    {
        var vector = new ComparisonVector(
            NameAgreement.Exact, GivenNameAgreement.Disagree, DateAgreement.Missing, Agreement.Agree,
            PlaceAgreement.Missing, Agreement.Missing, Agreement.Missing);
        var m = 0.80 * 0.02 * 0.99;
        var u = 0.015 * 0.85 * 0.50;
        Assert.Equal(0.1 * m / ((0.1 * m) + (0.9 * u)), Known.Probability(vector), 12);
    }

    [Fact]
    public void Probability_IsAlwaysInZeroOne() =>
        Prop.ForAll(Vectors, v =>
            {
                var p = Known.Probability(v);
                return p is >= 0.0 and <= 1.0 && !double.IsNaN(p);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Probability_WithExtremeWeights_StaysANumber()
    {
        var extreme = new MatchModel(
            MatchModel.CurrentVersion,
            1e-15,
            Known.M.Select(row => (IReadOnlyList<double>)Spread(row.Count, high: true)).ToList(),
            Known.U.Select(row => (IReadOnlyList<double>)Spread(row.Count, high: false)).ToList(),
            1,
            true,
            1);
        Prop.ForAll(Vectors, v =>
            {
                var p = extreme.Probability(v);
                return p is >= 0.0 and <= 1.0 && !double.IsNaN(p);
            })
            .QuickCheckThrowOnFailure();
    }

    // Nearly all mass on the top level (high) or on the bottom level.
    private static double[] Spread(int levels, bool high)
    {
        var row = Enumerable.Repeat(1e-12, levels).ToArray();
        row[high ? levels - 1 : 0] = 1 - (1e-12 * (levels - 1));
        return row;
    }
}
