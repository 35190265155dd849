using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>A step-up asked by another node holds here too, until a token authenticated after it.</summary>
public sealed class SharedStepUpTests
{
    private static readonly NationalId Doctor = Clinic.Professional(3);

    private static Clinic Trained(DetectionOptions? options = null)
    {
        var clinic = new Clinic(options);
        clinic.Habit(Doctor, days: 21);
        return clinic;
    }

    [Fact]
    public void SharedStepUp_RefusesTheSession_UntilATokenAuthenticatedAfterIt()
    {
        var clinic = Trained();
        var start = Clinic.Day(21, 10);
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", start, Clinic.Local(1)).Level);

        var asked = start.AddMinutes(1);
        Assert.True(clinic.Engine.ShareStepUp(Doctor, "s", asked, [RiskReasons.CareLink]));

        var refused = clinic.Read(Doctor, "s", asked.AddSeconds(20), Clinic.Local(2), authenticatedAt: start.AddHours(-1));
        Assert.Equal(RiskLevel.StepUp, refused.Level);
        Assert.Equal([RiskReasons.StepUpPending, RiskReasons.CareLink], refused.Reasons);
        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "other", asked.AddSeconds(30), Clinic.Local(3)).Level);

        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", asked.AddMinutes(1), Clinic.Local(2), authenticatedAt: asked.AddSeconds(40)).Level);
    }

    [Fact]
    public void SharedStepUp_LeftUnanswered_IsAlertedHereToo()
    {
        var clinic = Trained();
        var start = Clinic.Day(21, 10);
        clinic.Read(Doctor, "s", start, Clinic.Local(1));
        clinic.Engine.ShareStepUp(Doctor, "s", start.AddMinutes(1), [RiskReasons.Volume]);

        var alert = Assert.Single(clinic.Engine.ReviewStepUps(start.AddMinutes(1) + clinic.Engine.Options.StepUpUnansweredAlert));
        Assert.Equal("s", alert.Session);
    }

    [Fact]
    public void UnknownSession_AlreadyPending_OrReportOnly_AreLeftAlone()
    {
        var clinic = Trained();
        var start = Clinic.Day(21, 10);
        Assert.False(clinic.Engine.ShareStepUp(Doctor, "never-seen", start, [RiskReasons.Volume]));

        clinic.Read(Doctor, "s", start, Clinic.Local(1));
        Assert.True(clinic.Engine.ShareStepUp(Doctor, "s", start.AddMinutes(1), [RiskReasons.Volume]));
        Assert.False(clinic.Engine.ShareStepUp(Doctor, "s", start.AddMinutes(2), [RiskReasons.CareLink]));

        var reportOnly = Trained(new DetectionOptions { ReportOnly = true });
        reportOnly.Read(Doctor, "s", start, Clinic.Local(1));
        Assert.False(reportOnly.Engine.ShareStepUp(Doctor, "s", start.AddMinutes(1), [RiskReasons.Volume]));
        Assert.Equal(RiskLevel.Allow, reportOnly.Read(Doctor, "s", start.AddMinutes(2), Clinic.Local(2)).Level);
    }
}
