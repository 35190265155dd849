using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

public sealed class EvidenceTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(3.7, 1.4280723266653883)]
    [InlineData(10, 12.801827480081469)]
    [InlineData(150.25, 601.2615040324997)]
    public void LogGamma_IsAccurate(double x, double expected) => Assert.Equal(expected, Evidence.LogGamma(x), 1e-9);

    [Fact]
    public void RateEvidence_GrowsWithSuspiciousObservations()
    {
        var few = Evidence.Rate(new Counts { Hits = 4, Trials = 5 }, usual: 0.1, attack: 0.8, concentration: 8, cap: 20);
        var more = Evidence.Rate(new Counts { Hits = 16, Trials = 20 }, usual: 0.1, attack: 0.8, concentration: 8, cap: 20);

        Assert.True(few > 2, $"{few}");
        Assert.True(more > few, $"{more} vs {few}");
    }

    [Fact]
    public void RateEvidence_IsZero_WhenTheAccountUsuallyDoesAsMuch() =>
        Assert.Equal(0, Evidence.Rate(new Counts { Hits = 18, Trials = 20 }, usual: 0.85, attack: 0.8, concentration: 8, cap: 20));

    [Fact]
    public void RateEvidence_IsZero_ForAUsualSession() =>
        Assert.Equal(0, Evidence.Rate(new Counts { Hits = 3, Trials = 20 }, usual: 0.15, attack: 0.8, concentration: 8, cap: 20));

    [Fact]
    public void RateEvidence_IsCapped() =>
        Assert.Equal(10, Evidence.Rate(new Counts { Hits = 200, Trials = 200 }, usual: 0.05, attack: 0.8, concentration: 30, cap: 10));

    [Fact]
    public void TighterConcentration_GivesMoreEvidence_ForTheSameRate()
    {
        var loose = Evidence.Rate(new Counts { Hits = 20, Trials = 30 }, 0.15, 0.8, 8, 50);
        var tight = Evidence.Rate(new Counts { Hits = 20, Trials = 30 }, 0.15, 0.8, 40, 50);

        Assert.True(tight > loose + 2, $"{tight} vs {loose}");
    }

    [Fact]
    public void Volume_IsZeroUpToTheUsualPeak_ThenLogarithmic()
    {
        Assert.Equal(0, Evidence.Volume(30, 30, 4));
        Assert.Equal(4 * Math.Log(61.0 / 31), Evidence.Volume(60, 30, 4), 1e-12);
    }

    [Fact]
    public void Timing_IsZeroInWorkingHours_AndCappedOutside()
    {
        Assert.Equal(0, Evidence.Timing(1.0 / 45, 1, 3.5));
        Assert.Equal(3.5, Evidence.Timing(1e-6, 1, 3.5));
    }
}
