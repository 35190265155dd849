using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Session context: network, browser, concurrent sessions, a session changing network, the token's age.</summary>
public sealed class ContextTests
{
    private static readonly Vigie.Core.Access.NationalId Doctor = Clinic.Professional(2);

    private static Clinic Trained()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        return clinic;
    }

    [Fact]
    public void UsualWorkstationAndBrowser_GiveNoContextEvidence() =>
        Assert.Equal(0, Trained().Read(Doctor, "s", Clinic.Day(21, 10), Clinic.Local(1)).Scores.Context);

    [Fact]
    public void NewNetwork_GivesEvidence_MoreForANewBlockThanANewSubnet()
    {
        var clinic = Trained();
        var newSubnet = clinic.Read(Doctor, "a", Clinic.Day(21, 10), Clinic.Local(1), ip: "193.48.99.20").Scores.Context;
        var newBlock = clinic.Read(Doctor, "b", Clinic.Day(22, 10), Clinic.Local(2), ip: "81.250.3.4").Scores.Context;

        Assert.Equal(DetectionOptions.Default.NewSubnetEvidence, newSubnet);
        Assert.Equal(DetectionOptions.Default.NewNetworkEvidence, newBlock);
    }

    [Fact]
    public void NewBrowserFamily_GivesEvidence_AVersionUpdateDoesNot()
    {
        var clinic = Trained();
        var update = clinic.Read(Doctor, "a", Clinic.Day(21, 10), Clinic.Local(1), userAgent: Clinic.Browser.Replace("134.0.0.0", "135.0.1.2", StringComparison.Ordinal));
        var script = clinic.Read(Doctor, "b", Clinic.Day(22, 10), Clinic.Local(2), userAgent: "python-requests/2.32.3");

        Assert.Equal(0, update.Scores.Context);
        Assert.Equal(DetectionOptions.Default.NewUserAgentEvidence, script.Scores.Context);
    }

    [Fact]
    public void NewNetworkAlone_DoesNotStepUpAnOrdinaryDay()
    {
        var clinic = Trained();
        var decisions = Enumerable.Range(0, 20).Select(i => clinic.Read(Doctor, "home", Clinic.Day(21, 10).AddMinutes(10 * i), Clinic.Local(i), ip: "81.250.3.4")).ToList();

        Assert.All(decisions, d => Assert.Equal(RiskLevel.Allow, d.Level));
    }

    [Fact]
    public void NewNetwork_WithUnlinkedPatients_IsNamedAmongTheReasons()
    {
        var clinic = Trained();
        var decision = Enumerable.Range(0, 20).Select(i => clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), Clinic.Remote(i), ip: "81.250.3.4")).First(d => d.Level != RiskLevel.Allow);

        Assert.Contains(RiskReasons.NewNetwork, decision.Reasons);
    }

    [Fact]
    public void ConcurrentSessionsFromAnotherNetwork_GiveEvidence_GrowingWithTheirDuration()
    {
        var clinic = Trained();
        clinic.Read(Doctor, "owner", Clinic.Day(21, 9), Clinic.Local(1));
        var first = clinic.Read(Doctor, "other", Clinic.Day(21, 9).AddMinutes(1), Clinic.Local(2), ip: "81.250.3.4").Scores;
        for (var m = 2; m < 70; m += 5)
        {
            clinic.Read(Doctor, "owner", Clinic.Day(21, 9).AddMinutes(m), Clinic.Local(3));
            clinic.Read(Doctor, "other", Clinic.Day(21, 9).AddMinutes(m + 1), Clinic.Local(4), ip: "81.250.3.4");
        }

        var later = clinic.Read(Doctor, "other", Clinic.Day(21, 10).AddMinutes(15), Clinic.Local(4), ip: "81.250.3.4").Scores;

        Assert.Equal(DetectionOptions.Default.NewNetworkEvidence + DetectionOptions.Default.ConcurrentOtherNetworkEvidence, first.Context, 1e-9);
        Assert.Equal(first.Context + DetectionOptions.Default.SustainedConcurrencyEvidence, later.Context, 1e-9);
    }

    [Fact]
    public void SessionsSideBySideForAnHour_KeepTheirSustainedEvidence_ThroughTheOwnersPause()
    {
        // An infostealer's session beside the owner's on the same workstation: the owner steps away for half an hour,
        // the intruder's session goes on, and the hour they worked side by side still counts.
        var clinic = Trained();
        for (var m = 0; m < 70; m += 5)
        {
            clinic.Read(Doctor, "owner", Clinic.Day(21, 9).AddMinutes(m), Clinic.Local(1));
            clinic.Read(Doctor, "other", Clinic.Day(21, 9).AddMinutes(m + 1), Clinic.Local(2));
        }

        var duringPause = clinic.Read(Doctor, "other", Clinic.Day(21, 10).AddMinutes(40), Clinic.Local(3)).Scores;
        var ownerBack = clinic.Read(Doctor, "owner", Clinic.Day(21, 10).AddMinutes(45), Clinic.Local(4));
        var afterPause = clinic.Read(Doctor, "other", Clinic.Day(21, 10).AddMinutes(46), Clinic.Local(5)).Scores;

        Assert.Equal(DetectionOptions.Default.SustainedConcurrencyEvidence, duringPause.Context, 1e-9);
        Assert.Equal(DetectionOptions.Default.ConcurrentSameNetworkEvidence + DetectionOptions.Default.SustainedConcurrencyEvidence, afterPause.Context, 1e-9);
    }

    [Fact]
    public void TabLeftOpenAfterANewSignIn_KeepsOnlyTheMinutesBothWorked_AndNothingAfterThePause()
    {
        var clinic = Trained();
        for (var m = 0; m <= 6; m += 2)
        {
            clinic.Read(Doctor, "old", Clinic.Day(21, 9).AddMinutes(m), Clinic.Local(1));
            clinic.Read(Doctor, "new", Clinic.Day(21, 9).AddMinutes(m + 1), Clinic.Local(2));
        }

        var soon = clinic.Read(Doctor, "new", Clinic.Day(21, 9).AddMinutes(40), Clinic.Local(3)).Scores;
        var later = clinic.Read(Doctor, "new", Clinic.Day(21, 11), Clinic.Local(4)).Scores;

        // Concurrency was seen from 9:01 to 9:07: six minutes of the hour that makes it sustained.
        Assert.Equal(DetectionOptions.Default.SustainedConcurrencyEvidence * 6 / 60, soon.Context, 1e-9);
        Assert.Equal(0, later.Context);
    }

    [Fact]
    public void SessionThatMovesToAnotherNetwork_GivesEvidence()
    {
        var clinic = Trained();
        clinic.Read(Doctor, "s", Clinic.Day(21, 9), Clinic.Local(1));
        var moved = clinic.Read(Doctor, "s", Clinic.Day(21, 10), Clinic.Local(2), ip: "81.250.3.4");

        Assert.Equal(DetectionOptions.Default.NewNetworkEvidence + DetectionOptions.Default.SessionNetworkChangeEvidence, moved.Scores.Context, 1e-9);
    }

    [Fact]
    public void TokenOlderThanAProSanteConnectSession_GivesEvidence()
    {
        var clinic = Trained();
        var fresh = clinic.Read(Doctor, "a", Clinic.Day(21, 10), Clinic.Local(1), authenticatedAt: Clinic.Day(21, 9));
        var stale = clinic.Read(Doctor, "b", Clinic.Day(22, 10), Clinic.Local(1), authenticatedAt: Clinic.Day(22, 5));

        Assert.Equal(0, fresh.Scores.Context);
        Assert.Equal(DetectionOptions.Default.TokenAgeEvidence, stale.Scores.Context);
    }
}
