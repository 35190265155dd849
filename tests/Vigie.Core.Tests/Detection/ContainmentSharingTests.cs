using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

/// <summary>Containment made on another node arrives as values and converges whatever the order.</summary>
public sealed class ContainmentSharingTests
{
    private static readonly NationalId Doctor = Clinic.Professional(6);

    private static ContainmentChange Change(ContainmentScope scope, ContainmentAction action, DateTimeOffset at, string? session = null) =>
        new(scope, action, Doctor, session, at, [RiskReasons.Canary], ContainmentChange.Engine, Enforced: true);

    [Fact]
    public void ChangesMadeByOneEngine_ContainTheAccountOnAnother()
    {
        var first = new Clinic();
        var second = new Clinic();
        var decision = first.Read(Doctor, "s", Clinic.Day(0, 10), Clinic.Canary);
        foreach (var change in decision.Changes)
        {
            Assert.True(second.Engine.Apply(change));
        }

        Assert.Equal(RiskLevel.SuspendAccount, second.Read(Doctor, "s2", Clinic.Day(0, 11), Clinic.Local(1)).Level);
        Assert.Equal(first.Engine.Containments(), second.Engine.Containments());
    }

    [Fact]
    public void Apply_IsIdempotent()
    {
        var clinic = new Clinic();
        var suspend = Change(ContainmentScope.Account, ContainmentAction.Suspend, Clinic.Day(0, 10));

        Assert.True(clinic.Engine.Apply(suspend));
        Assert.False(clinic.Engine.Apply(suspend));
        Assert.Single(clinic.Engine.Containments());
    }

    [Fact]
    public void ReleaseOlderThanTheSuspension_IsIgnored()
    {
        var clinic = new Clinic();
        clinic.Engine.Apply(Change(ContainmentScope.Account, ContainmentAction.Suspend, Clinic.Day(0, 10)));

        Assert.False(clinic.Engine.Apply(Change(ContainmentScope.Account, ContainmentAction.Release, Clinic.Day(0, 9))));
        Assert.NotNull(clinic.Engine.Status(Doctor).Account);
    }

    [Fact]
    public void SuspensionArrivingAfterALaterRelease_IsIgnored()
    {
        var clinic = new Clinic();
        Assert.False(clinic.Engine.Apply(Change(ContainmentScope.Session, ContainmentAction.Release, Clinic.Day(0, 12), "s")));
        Assert.False(clinic.Engine.Apply(Change(ContainmentScope.Session, ContainmentAction.Suspend, Clinic.Day(0, 10), "s")));

        Assert.Equal(RiskLevel.Allow, clinic.Read(Doctor, "s", Clinic.Day(0, 13), Clinic.Local(1)).Level);
    }

    [Fact]
    public void Status_ListsTheSuspensionsInForce_WithTheirReasons()
    {
        var clinic = new Clinic();
        clinic.Engine.Apply(Change(ContainmentScope.Session, ContainmentAction.Suspend, Clinic.Day(0, 10), "b"));
        clinic.Engine.Apply(Change(ContainmentScope.Session, ContainmentAction.Suspend, Clinic.Day(0, 9), "a"));

        var status = clinic.Engine.Status(Doctor);
        Assert.Null(status.Account);
        Assert.Equal(["a", "b"], status.Sessions.Select(s => s.Session));
        Assert.All(status.Sessions, s => Assert.Equal([RiskReasons.Canary], s.Reasons));
    }

    [Fact]
    public void SessionChangeWithoutSession_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Clinic().Engine.Apply(Change(ContainmentScope.Session, ContainmentAction.Suspend, Clinic.Day(0, 10))));
}
