using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>The thresholds file: overrides on the documented defaults, and every bad value refused with its key named.</summary>
public sealed class DetectionThresholdsTests
{
    private static DetectionOptions Read(string json)
    {
        var read = DetectionThresholds.Read(json, DetectionOptions.Default);
        Assert.True(read.Success, read.Error);
        return read.Value;
    }

    private static string Refused(string json)
    {
        var read = DetectionThresholds.Read(json, DetectionOptions.Default);
        Assert.False(read.Success);
        return read.Error!;
    }

    [Fact]
    public void DescribedDefaults_ReadBack_AsTheDefaults()
    {
        Assert.Equal(DetectionOptions.Default, Read(DetectionThresholds.Describe(DetectionOptions.Default)));
    }

    [Fact]
    public void Overrides_ChangeOnlyTheirKeys_AndLeaveTheDefaultsUntouched()
    {
        var options = Read("""{ "stepUpScore": 12.5, "ThrottlePerMinute": 50, "stepUpUnansweredAlert": "00:05:00", "taintDuration": "2.00:00:00" }""");

        Assert.Equal(12.5, options.StepUpScore);
        Assert.Equal(50, options.ThrottlePerMinute);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StepUpUnansweredAlert);
        Assert.Equal(TimeSpan.FromDays(2), options.TaintDuration);
        Assert.Equal(DetectionOptions.Default.OverwhelmingScore, options.OverwhelmingScore);
        Assert.Equal(9, DetectionOptions.Default.StepUpScore);
    }

    [Fact]
    public void Comments_AndTrailingCommas_AreAccepted()
    {
        Assert.Equal(10, Read("""
            {
              // raised after a month of report-only calibration
              "stepUpScore": 10,
            }
            """).StepUpScore);
    }

    [Fact]
    public void EveryNumericAndDurationOption_IsSettable_ButNotTheOnesWithTheirOwnSettings()
    {
        var names = DetectionThresholds.Settable.Select(p => p.Name).ToHashSet();

        Assert.Contains(nameof(DetectionOptions.StepUpScore), names);
        Assert.Contains(nameof(DetectionOptions.BreakerHold), names);
        Assert.DoesNotContain(nameof(DetectionOptions.ReportOnly), names);
        Assert.DoesNotContain(nameof(DetectionOptions.TimeZone), names);
        Assert.DoesNotContain(nameof(DetectionOptions.Priors), names);
    }

    [Theory]
    [InlineData("""{ "stepUpScor": 9 }""", "unknown threshold 'stepUpScor'")]
    [InlineData("""{ "stepUpScore": "high" }""", "'stepUpScore' must be a number")]
    [InlineData("""{ "throttlePerMinute": 2.5 }""", "'throttlePerMinute' must be a whole number")]
    [InlineData("""{ "sessionIdle": 3600 }""", "'sessionIdle' must be a duration")]
    [InlineData("""{ "sessionIdle": "an hour" }""", "'sessionIdle' must be a duration")]
    [InlineData("""{ "stepUpScore": -1 }""", "out of range")]
    [InlineData("""{ "stepUpUnansweredAlert": "00:00:00" }""", "out of range")]
    [InlineData("""{ "reportOnly": true }""", "unknown threshold 'reportOnly'")]
    [InlineData("""[ 9 ]""", "must be a JSON object")]
    [InlineData("""{ "stepUpScore": """, "is not valid JSON")]
    public void BadValues_AreRefused_NamingWhatIsWrong(string json, string message)
    {
        Assert.Contains(message, Refused(json), StringComparison.Ordinal);
    }
}
