using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Report-only mode: the same decisions, reported, never enforced; everything counts as disclosed.</summary>
public sealed class ReportOnlyTests
{
    private static readonly NationalId Doctor = Clinic.Professional(20);

    [Fact]
    public void Canary_IsReportedAsAccountSuspension_ButNotEnforced()
    {
        var clinic = new Clinic(new DetectionOptions { ReportOnly = true });
        var decision = clinic.Read(Doctor, "s", Clinic.Day(0, 10), Clinic.Canary);

        Assert.Equal(RiskLevel.SuspendAccount, decision.Level);
        Assert.False(decision.Enforced);
        Assert.True(decision.Discloses);
        Assert.All(decision.Changes, c => Assert.False(c.Enforced));
    }

    [Fact]
    public void StepUp_IsReported_AndTheSessionGoesOnBeingMeasured()
    {
        var clinic = new Clinic(new DetectionOptions { ReportOnly = true });
        clinic.Habit(Doctor, days: 21);
        var decisions = Enumerable.Range(0, 40).Select(i => clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), Clinic.Remote(i))).ToList();

        var stepUp = decisions.FindIndex(d => d.Level == RiskLevel.StepUp);
        Assert.True(stepUp > 0);
        Assert.All(decisions, d => Assert.True(d.Discloses));
        Assert.Equal(RiskLevel.Allow, decisions[stepUp + 1].Level);
        Assert.Equal(40, decisions[^1].Scores.SessionPatients24Hours);
    }

    [Fact]
    public void EnforcedMode_CountsOnlyDisclosedPatients()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        var decisions = Enumerable.Range(0, 40).Select(i => clinic.Read(Doctor, "s", Clinic.Day(21, 10).AddMinutes(i), Clinic.Remote(i))).ToList();

        Assert.Equal(decisions.Count(d => d.Level == RiskLevel.Allow), decisions[^1].Scores.SessionPatients24Hours - 1);
    }
}
