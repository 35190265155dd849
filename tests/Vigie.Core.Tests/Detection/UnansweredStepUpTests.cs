using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>
/// Scoring between requests: a step-up nobody answers is named in an alert once the delay has passed, once, and
/// never for a session that passed it or was suspended.
/// </summary>
public sealed class UnansweredStepUpTests
{
    private static readonly NationalId Doctor = Clinic.Professional(3);

    private static Clinic Trained()
    {
        var clinic = new Clinic();
        clinic.Habit(Doctor, days: 21);
        return clinic;
    }

    private static DateTimeOffset StepUp(Clinic clinic, string session, DateTimeOffset from, int firstPatient = 100)
    {
        for (var i = 0; i < 300; i++)
        {
            var time = from.AddMinutes(i);
            if (clinic.Read(Doctor, session, time, Clinic.Remote(firstPatient + i)).Level == RiskLevel.StepUp)
            {
                return time;
            }
        }

        throw new InvalidOperationException("no step-up");
    }

    [Fact]
    public void UnansweredStepUp_IsAlertedOnceAfterTheDelay_NamingTheSessionAndWhy()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, "intruder", Clinic.Day(21, 10));
        var delay = clinic.Engine.Options.StepUpUnansweredAlert;

        Assert.Empty(clinic.Engine.ReviewStepUps(asked + delay - TimeSpan.FromSeconds(1)));

        var alerts = clinic.Engine.ReviewStepUps(asked + delay);
        var alert = Assert.Single(alerts);
        Assert.Equal(RiskAlertKind.StepUpUnanswered, alert.Kind);
        Assert.Equal(Doctor, alert.Professional);
        Assert.Equal("intruder", alert.Session);
        Assert.Equal(RiskReasons.StepUpUnanswered, alert.Reasons[0]);
        Assert.Contains(RiskReasons.CareLink, alert.Reasons);

        Assert.Empty(clinic.Engine.ReviewStepUps(asked + delay + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void PassedStepUp_IsNotAlerted()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, "s", Clinic.Day(21, 10));
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", asked.AddMinutes(1), Clinic.Local(1), authenticatedAt: asked.AddSeconds(30)).Level);

        Assert.Empty(clinic.Engine.ReviewStepUps(asked + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void SuspendedSession_HadItsAlertAlready_AndIsNotAlertedAgain()
    {
        var clinic = Trained();
        var asked = StepUp(clinic, "s", Clinic.Day(21, 10));
        var suspended = false;
        for (var i = 0; i < 200 && !suspended; i++)
        {
            suspended = clinic.Read(Doctor, "s", asked.AddSeconds(1 + i), Clinic.Remote(500 + i)).Level == RiskLevel.SuspendSession;
        }

        Assert.True(suspended, "a session that keeps asking instead of stepping up is throttled, then suspended");
        Assert.Empty(clinic.Engine.ReviewStepUps(asked + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void SecondStepUp_AfterAPassedOne_IsAlertedOnItsOwn()
    {
        var clinic = Trained();
        var first = StepUp(clinic, "s", Clinic.Day(21, 10));
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", first.AddMinutes(1), Clinic.Local(1), authenticatedAt: first.AddSeconds(30)).Level);
        var second = StepUp(clinic, "s", first.AddMinutes(2), firstPatient: 1000);

        var delay = clinic.Engine.Options.StepUpUnansweredAlert;
        var alert = Assert.Single(clinic.Engine.ReviewStepUps(second + delay));
        Assert.Equal("s", alert.Session);
    }

    [Fact]
    public void Delay_MustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskEngine(new DetectionOptions { StepUpUnansweredAlert = TimeSpan.Zero }));
    }
}
