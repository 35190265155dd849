using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Graduated containment: step-up, throttle, session and account suspension, their stickiness and release.</summary>
public sealed class ContainmentTests
{
    private static readonly NationalId Doctor = Clinic.Professional(3);
    private static readonly NationalId Colleague = Clinic.Professional(4);

    private static Clinic Trained()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        clinic.Habit(Colleague, days: 21);
        return clinic;
    }

    /// <summary>Reads patients without care link until the session is asked to step up; returns the time it was.</summary>
    private static DateTimeOffset StepUp(Clinic clinic, NationalId who, string session, DateTimeOffset from, string ip = Clinic.Workstation)
    {
        for (var i = 0; i < 60; i++)
        {
            var time = from.AddMinutes(i);
            if (clinic.Read(who, session, time, Clinic.Remote(100 + i), ip: ip).Level == RiskLevel.StepUp)
            {
                return time;
            }
        }

        throw new InvalidOperationException("no step-up");
    }

    [Fact]
    public void StepUp_StaysPending_UntilATokenAuthenticatedAfterIt()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, Doctor, "s", Clinic.Day(21, 10));

        var again = clinic.Read(Doctor, "s", asked.AddMinutes(1), Clinic.Local(1), authenticatedAt: asked.AddHours(-1));
        Assert.Equal(RiskLevel.StepUp, again.Level);
        Assert.Equal(RiskReasons.StepUpPending, again.Reasons[0]);

        var passed = clinic.Read(Doctor, "s", asked.AddMinutes(2), Clinic.Local(1), authenticatedAt: asked.AddMinutes(1));
        Assert.Equal(RiskLevel.Allow, passed.Level);
        Assert.True(passed.Scores.StepUpThreshold > DetectionOptions.Default.StepUpScore, "the evidence vouched for raises the next threshold");
    }

    [Fact]
    public void StepUpPending_OnlyConcernsItsSession()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, Doctor, "intruder", Clinic.Day(21, 10));

        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "owner", asked.AddMinutes(1), Clinic.Local(7)).Level);
    }

    [Fact]
    public void IntruderOnTheOwnersWorkstation_IsSteppedUp_WhileTheOwnerWorksOn()
    {
        // Same address, same browser: only what each session does tells them apart.
        var clinic = Trained();
        var owner = new List<RiskDecision>();
        var intruder = new List<RiskDecision>();
        for (var i = 0; i < 120; i++)
        {
            var time = Clinic.Day(21, 9).AddMinutes(2 * i);
            owner.Add(clinic.Read(Doctor, "owner", time, Clinic.Local(2000 + (i % 40))));
            intruder.Add(clinic.Read(Doctor, "intruder", time.AddSeconds(40), i % 4 == 0 ? Clinic.Local(i) : Clinic.Remote(i)));
        }

        var stepped = intruder.FindIndex(d => d.Level == RiskLevel.StepUp);
        Assert.InRange(stepped, 1, 20);
        Assert.All(intruder.Skip(stepped), d => Assert.NotEqual(RiskLevel.Allow, d.Level));
        Assert.All(owner, d => Assert.Equal(RiskLevel.Allow, d.Level));
        Assert.True(clinic.Engine.Status(Doctor).IsClear);
    }

    [Fact]
    public void IgnoredStepUp_AtMachineRate_IsThrottled()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, Doctor, "s", Clinic.Day(21, 10));
        var decisions = Enumerable.Range(1, 45).Select(i => clinic.Read(Doctor, "s", asked.AddSeconds(5 * i), Clinic.Remote(500 + i))).ToList();

        var throttled = decisions.First(d => d.Level == RiskLevel.Throttle);
        Assert.Equal(RiskReasons.StepUpIgnored, throttled.Reasons[0]);
        Assert.NotNull(throttled.RetryAfter);
    }

    [Fact]
    public void Throttle_IgnoredTwentyTimes_SuspendsTheSession_UntilReleased()
    {
        var clinic = new Clinic();
        var t = Clinic.Day(0, 10);
        var decisions = Enumerable.Range(0, 60).Select(i => clinic.Read(Doctor, "s", t.AddMilliseconds(500 * i), Clinic.Local(i))).ToList();
        var suspended = decisions.First(d => d.Level == RiskLevel.SuspendSession);

        Assert.Equal(RiskReasons.ThrottleIgnored, suspended.Reasons[0]);
        var change = Assert.Single(suspended.Changes);
        Assert.Equal((ContainmentScope.Session, ContainmentAction.Suspend, "s"), (change.Scope, change.Action, change.Session));
        Assert.Contains(suspended.Alerts, a => a.Kind == RiskAlertKind.SessionSuspended);

        var dayLater = clinic.Read(Doctor, "s", t.AddDays(1), Clinic.Local(1));
        Assert.Equal(RiskLevel.SuspendSession, dayLater.Level);
        Assert.Equal(RiskReasons.SessionSuspended, dayLater.Reasons[0]);
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "other", t.AddDays(1), Clinic.Local(1)).Level);

        var release = clinic.Engine.ReleaseSession(Doctor, "s", "officer:alice", t.AddDays(1).AddMinutes(1));
        Assert.NotNull(release);
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", t.AddDays(1).AddMinutes(2), Clinic.Local(2)).Level);
        Assert.True(clinic.Engine.Status(Doctor).IsClear);
    }

    [Fact]
    public void TwoSessionSuspensionsInADay_SuspendTheAccount_ForAllItsSessions_UntilReleased()
    {
        var clinic = new Clinic();
        var t = Clinic.Day(0, 10);
        void Flood(string session, DateTimeOffset from)
        {
            for (var i = 0; i < 60; i++)
            {
                clinic.Read(Doctor, session, from.AddMilliseconds(500 * i), Clinic.Local(i));
            }
        }

        Flood("a", t);
        Flood("b", t.AddHours(1));

        var status = clinic.Engine.Status(Doctor);
        Assert.NotNull(status.Account);
        Assert.Equal(RiskReasons.RepeatedSessionSuspensions, status.Account.Reasons[0]);
        Assert.Equal(2, status.Sessions.Count);
        Assert.Equal(RiskLevel.SuspendAccount, clinic.Read(Doctor, "fresh", t.AddHours(2), Clinic.Local(1)).Level);
        Assert.Equal(RiskLevel.Allow, clinic.Read(Colleague, "c", t.AddHours(2), Clinic.Local(1)).Level);

        var released = clinic.Engine.ReleaseAccount(Doctor, "officer:alice", t.AddHours(3));
        Assert.Equal(3, released.Count);
        Assert.All(released, c => Assert.Equal(ContainmentAction.Release, c.Action));
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "fresh", t.AddHours(4), Clinic.Local(1)).Level);
        Assert.True(clinic.Engine.Status(Doctor).IsClear);
    }

    [Fact]
    public void OverwhelmingEvidence_SuspendsTheSessionOutright()
    {
        var clinic = new Clinic(new DetectionOptions { OverwhelmingScore = 12 });
        clinic.Habit(Doctor, days: 21);
        var decisions = Enumerable.Range(0, 30).Select(i => clinic.Search(Doctor, "s", Clinic.Day(26, 3).AddSeconds(20 * i),
            QueryShape.Of(null, null, null, false, false, "IPP" + (9000 + i), false, false), [], ip: "185.220.1.2", userAgent: "curl/8.5.0")).ToList();

        Assert.Contains(decisions, d => d.Level == RiskLevel.SuspendSession && d.Reasons[0] == RiskReasons.Overwhelming);
    }

    [Fact]
    public void ManualAccountSuspension_BlocksEverySession_AndIsReleased()
    {
        var clinic = Trained();
        var held = clinic.Engine.SuspendAccount(Doctor, "officer:alice", Clinic.Day(21, 8));
        Assert.NotNull(held);
        Assert.Null(clinic.Engine.SuspendAccount(Doctor, "officer:alice", Clinic.Day(21, 8)));
        Assert.Equal(RiskLevel.SuspendAccount, clinic.Read(Doctor, "s", Clinic.Day(21, 9), Clinic.Local(1)).Level);

        Assert.Single(clinic.Engine.ReleaseAccount(Doctor, "officer:alice", Clinic.Day(21, 10)));
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", Clinic.Day(21, 11), Clinic.Local(1)).Level);
    }

    [Fact]
    public void ContainingOneProfessional_NeverAffectsAnother_OfTheSameEstablishment()
    {
        var clinic = Trained();
        var canary = clinic.Read(Doctor, "s", Clinic.Day(21, 10), Clinic.Canary);
        Assert.Equal(RiskLevel.SuspendAccount, canary.Level);

        var colleague = Enumerable.Range(0, 20).Select(i => clinic.Read(Colleague, "c", Clinic.Day(21, 10).AddMinutes(i + 1), Clinic.Local(i))).ToList();
        Assert.All(colleague, d => Assert.Equal(RiskLevel.Allow, d.Level));
        Assert.True(clinic.Engine.Status(Colleague).IsClear);
        Assert.False(clinic.Engine.CircuitBreakerTripped(Clinic.Day(21, 11)));
    }
}
