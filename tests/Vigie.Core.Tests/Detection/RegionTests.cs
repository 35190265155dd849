using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Across accounts: the regional circuit breaker and networks tainted by a containment.</summary>
public sealed class RegionTests
{
    private const string Server = "51.15.7.9";

    /// <summary>An intruder on account <paramref name="n"/>: unlinked reads from a server until stepped up, then three more tries.</summary>
    private static List<RiskDecision> Intrude(Clinic clinic, int n, DateTimeOffset from)
    {
        var who = Clinic.Professional(n);
        var decisions = new List<RiskDecision>();
        var refused = 0;
        for (var i = 0; i < 80 && refused < 4; i++)
        {
            var d = clinic.Read(who, "intruder-" + n, from.AddMinutes(i), Clinic.Remote((n * 100) + i), ip: Server, userAgent: "python-requests/2.32.3");
            decisions.Add(d);
            refused += d.Level == RiskLevel.Allow ? 0 : 1;
        }

        return decisions;
    }

    private static Clinic Trained(int accounts)
    {
        var clinic = new Clinic();
        for (var n = 10; n < 10 + accounts; n++)
        {
            clinic.Habit(Clinic.Professional(n), days: 14);
        }

        return clinic;
    }

    [Fact]
    public void ThreeAccountsIgnoringStepUps_TripTheBreaker_WhichLowersTheThresholdForUnusualContextsOnly()
    {
        var clinic = Trained(5);
        Intrude(clinic, 10, Clinic.Day(14, 9));
        Intrude(clinic, 11, Clinic.Day(14, 10));
        Assert.False(clinic.Engine.CircuitBreakerTripped(Clinic.Day(14, 11)));

        var third = Intrude(clinic, 12, Clinic.Day(14, 11));
        Assert.Contains(third.SelectMany(d => d.Alerts), a => a.Kind == RiskAlertKind.CircuitBreaker);
        Assert.True(clinic.Engine.CircuitBreakerTripped(Clinic.Day(14, 13)));

        var outside = clinic.Read(Clinic.Professional(13), "home", Clinic.Day(14, 13), Clinic.Local(1), ip: "81.250.3.4");
        var usual = clinic.Read(Clinic.Professional(14), "work", Clinic.Day(14, 13), Clinic.Local(1));
        Assert.Equal(DetectionOptions.Default.StepUpScore * DetectionOptions.Default.BreakerSensitivity, outside.Scores.StepUpThreshold, 1e-9);
        Assert.Equal(DetectionOptions.Default.StepUpScore, usual.Scores.StepUpThreshold);
        Assert.Equal(RiskLevel.Allow, usual.Level);
        Assert.False(clinic.Engine.CircuitBreakerTripped(Clinic.Day(15, 2)));
    }

    [Fact]
    public void StepUpsThatArePassed_DoNotCountTowardsTheBreaker()
    {
        var clinic = Trained(4);
        for (var n = 10; n < 14; n++)
        {
            var who = Clinic.Professional(n);
            var from = Clinic.Day(14, 9 + n - 10);
            var asked = Enumerable.Range(0, 60).Select(i => (Time: from.AddMinutes(i), D: clinic.Read(who, "s", from.AddMinutes(i), Clinic.Remote(i)))).First(x => x.D.Level == RiskLevel.StepUp).Time;
            clinic.Read(who, "s", asked.AddMinutes(1), Clinic.Local(1), authenticatedAt: asked.AddSeconds(30));
        }

        Assert.False(clinic.Engine.CircuitBreakerTripped(Clinic.Day(14, 14)));
    }

    [Fact]
    public void NetworkOfAContainedSession_IsTaintedForOtherAccounts_NotForItsOwn()
    {
        var clinic = Trained(2);
        var victim = Clinic.Professional(10);
        // Stepped up, the script ignores it, is throttled, ignores that too, and is suspended.
        for (var i = 0; i < 100; i++)
        {
            clinic.Read(victim, "flood", Clinic.Day(14, 10).AddMilliseconds(500 * i), Clinic.Local(i), ip: Server);
        }

        Assert.NotEmpty(clinic.Engine.Status(victim).Sessions);
        var other = clinic.Read(Clinic.Professional(11), "s", Clinic.Day(14, 12), Clinic.Local(1), ip: "51.15.7.200");
        Assert.Equal(DetectionOptions.Default.TaintedNetworkEvidence + DetectionOptions.Default.NewNetworkEvidence, other.Scores.Context, 1e-9);
        Assert.Equal(RiskLevel.Allow, other.Level);
    }
}
