using Vigie.Core.Access;
using static Vigie.Core.Tests.Access.AccessTestData;

namespace Vigie.Core.Tests.Access;

public sealed class AccessRulesTests
{
    private static readonly AccessPolicy Policy = AccessPolicy.Default;

    [Theory]
    [InlineData(AccessAction.Create)]
    [InlineData(AccessAction.Update)]
    [InlineData(AccessAction.Batch)]
    [InlineData(AccessAction.CrossReference)]
    public void SystemAccount_MayFeedAndCrossReference(AccessAction action) =>
        Assert.True(AccessRules.Authorize(Policy, SystemAccount(), action, Now).IsAllowed);

    [Theory]
    [InlineData(AccessAction.Search)]
    [InlineData(AccessAction.Match)]
    [InlineData(AccessAction.Read)]
    [InlineData(AccessAction.Administer)]
    [InlineData(AccessAction.Review)]
    public void SystemAccount_MayNotBrowse(AccessAction action)
    {
        var decision = AccessRules.Authorize(Policy, SystemAccount(), action, Now);
        Assert.Equal(DecisionKind.Forbid, decision.Kind);
        Assert.Equal("system-account.not-allowed", decision.Reason);
    }

    [Fact]
    public void SecurityOfficer_ReviewsButDoesNotRead()
    {
        Assert.True(AccessRules.Authorize(Policy, Officer(), AccessAction.Review, Now).IsAllowed);
        Assert.Equal(DecisionKind.Forbid, AccessRules.Authorize(Policy, Officer(), AccessAction.Read, Now).Kind);
        Assert.Equal(DecisionKind.Forbid, AccessRules.Authorize(Policy, Officer(), AccessAction.Search, Now).Kind);
    }

    [Fact]
    public void Nurse_SearchesButDoesNotCreateOrMerge()
    {
        var nurse = Professional(Role.Nurse);
        Assert.True(AccessRules.Authorize(Policy, nurse, AccessAction.Search, Now).IsAllowed);
        Assert.Equal(DecisionKind.Forbid, AccessRules.Authorize(Policy, nurse, AccessAction.Create, Now).Kind);
        Assert.Equal(DecisionKind.Forbid, AccessRules.Authorize(Policy, nurse, AccessAction.Administer, Now).Kind);
    }

    [Fact]
    public void NoRole_IsDeniedEverything() =>
        Assert.All(Enum.GetValues<AccessAction>(), a => Assert.False(AccessRules.Authorize(Policy, Professional(Role.None), a, Now).IsAllowed));

    [Theory]
    [InlineData(null)]
    [InlineData("basic")]
    public void WeakAcr_AsksForStepUpToMinimum(string? acr)
    {
        var decision = AccessRules.Authorize(Policy, Professional(Role.Physician, acr), AccessAction.Search, Now);
        Assert.Equal(DecisionKind.StepUp, decision.Kind);
        Assert.Equal("eidas1", decision.StepUp!.Acr);
    }

    [Fact]
    public void StrongerAcr_Passes() =>
        Assert.True(AccessRules.Authorize(Policy, Professional(Role.Physician, "eidas3"), AccessAction.Search, Now).IsAllowed);

    [Fact]
    public void Administer_NeedsFreshSignIn()
    {
        var stale = AccessRules.Authorize(Policy, Professional(Role.IdentityVigilance, authAge: TimeSpan.FromMinutes(16)), AccessAction.Administer, Now);
        Assert.Equal(DecisionKind.StepUp, stale.Kind);
        Assert.Equal(TimeSpan.FromMinutes(15), stale.StepUp!.MaxAge);
        Assert.True(AccessRules.Authorize(Policy, Professional(Role.IdentityVigilance, authAge: TimeSpan.FromMinutes(14)), AccessAction.Administer, Now).IsAllowed);
    }

    [Fact]
    public void Permissions_AreConfigurable()
    {
        var policy = Policy with { Permissions = new Dictionary<AccessAction, Role> { [AccessAction.Create] = Role.Nurse } };
        Assert.True(AccessRules.Authorize(policy, Professional(Role.Nurse), AccessAction.Create, Now).IsAllowed);
        Assert.False(AccessRules.Authorize(policy, Professional(Role.Nurse), AccessAction.Search, Now).IsAllowed);
    }
}
