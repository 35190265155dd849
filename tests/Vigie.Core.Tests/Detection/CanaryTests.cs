using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

public sealed class CanaryTests
{
    private static readonly NationalId Doctor = Clinic.Professional(5);

    [Fact]
    public void CanaryAboutToBeDisclosed_SuspendsSessionAndAccountAtOnce_AndAlerts()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 7);
        var decision = clinic.Read(Doctor, "s", Clinic.Day(7, 10), Clinic.Canary);

        Assert.Equal(RiskLevel.SuspendAccount, decision.Level);
        Assert.Equal([RiskReasons.Canary], decision.Reasons);
        Assert.False(decision.Discloses);
        Assert.Equal([ContainmentScope.Session, ContainmentScope.Account], decision.Changes.Select(c => c.Scope));
        Assert.All(decision.Changes, c => Assert.Equal(ContainmentChange.Engine, c.By));
        Assert.Equal([RiskAlertKind.Canary, RiskAlertKind.AccountSuspended], decision.Alerts.Select(a => a.Kind));
        Assert.Equal(RiskLevel.SuspendAccount, clinic.Read(Doctor, "another", Clinic.Day(7, 11), Clinic.Local(1)).Level);
    }

    [Fact]
    public void CanaryAmongSearchResults_IsContainedLikeARead()
    {
        var clinic = new Clinic();
        var decision = clinic.Search(Doctor, "s", Clinic.Day(0, 10), QueryShape.Of("DURAND", "MARIE", null, true, false, null, false, false), [Clinic.Local(1), Clinic.Canary]);

        Assert.Equal(RiskLevel.SuspendAccount, decision.Level);
    }

    [Fact]
    public void CanaryInARequestRefusedAnyway_SuspendsTheSession_NotTheOwnersAccount()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        var asked = Enumerable.Range(0, 40).Select(i => (Time: Clinic.Day(21, 10).AddMinutes(i), Decision: clinic.Read(Doctor, "intruder", Clinic.Day(21, 10).AddMinutes(i), Clinic.Remote(i))))
            .First(x => x.Decision.Level == RiskLevel.StepUp).Time;

        var canary = clinic.Read(Doctor, "intruder", asked.AddMinutes(1), Clinic.Canary);

        Assert.Equal(RiskLevel.SuspendSession, canary.Level);
        Assert.Equal([RiskReasons.Canary, RiskReasons.StepUpPending], canary.Reasons);
        Assert.Equal([RiskAlertKind.Canary, RiskAlertKind.SessionSuspended], canary.Alerts.Select(a => a.Kind));
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "owner", asked.AddMinutes(2), Clinic.Local(1)).Level);
    }
}
