using Vigie.Core.Access;

namespace Vigie.Core.Tests.Access;

public sealed class SearchPolicyTests
{
    private static readonly SearchRules Rules = SearchRules.Default;

    private static SearchCriteria Criteria(int family = 0, bool familyExact = false, int given = 0, bool givenExact = false, int? birthDays = null,
        bool gender = false, bool identifier = false, int count = 20) => new(family, familyExact, given, givenExact, birthDays, gender, identifier, count);

    [Fact]
    public void FamilyAndBirthDate_IsSpecific() => Assert.True(SearchPolicy.Check(Rules, Criteria(family: 6, birthDays: 1)).IsAllowed);

    [Fact]
    public void FamilyGivenGender_IsSpecific() => Assert.True(SearchPolicy.Check(Rules, Criteria(family: 3, given: 4, gender: true)).IsAllowed);

    [Fact]
    public void Identifier_IsSpecific() => Assert.True(SearchPolicy.Check(Rules, Criteria(identifier: true)).IsAllowed);

    [Theory]
    [InlineData(6, 0, null, false)]
    [InlineData(6, 4, null, false)]
    [InlineData(0, 4, 1, true)]
    [InlineData(6, 0, 365, false)]
    [InlineData(0, 0, 1, true)]
    public void Search_WithoutAPair_IsRefused(int family, int given, int? birthDays, bool gender)
    {
        var decision = SearchPolicy.Check(Rules, Criteria(family: family, given: given, birthDays: birthDays, gender: gender));
        Assert.Equal(DecisionKind.Refine, decision.Kind);
        Assert.Equal("search.not-specific", decision.Reason);
    }

    [Theory]
    [InlineData(2, false, 4, false)]
    [InlineData(6, false, 1, false)]
    public void ShortPrefix_IsRefused(int family, bool familyExact, int given, bool givenExact) =>
        Assert.Equal("search.prefix-too-short", SearchPolicy.Check(Rules, Criteria(family, familyExact, given, givenExact, 1, true)).Reason);

    [Fact]
    public void ShortExactName_IsAccepted() => Assert.True(SearchPolicy.Check(Rules, Criteria(family: 2, familyExact: true, birthDays: 1)).IsAllowed);

    [Fact]
    public void CountAboveCap_IsRefused() => Assert.Equal("search.count-too-large", SearchPolicy.Check(Rules, Criteria(identifier: true, count: 21)).Reason);

    [Fact]
    public void MoreMatchesThanPage_IsRefusedNotTruncated()
    {
        var decision = SearchPolicy.CheckResult(Rules, moreThanPage: true, 20);
        Assert.Equal(DecisionKind.Refine, decision.Kind);
        Assert.Contains("refine the search", decision.Message, StringComparison.Ordinal);
        Assert.True(SearchPolicy.CheckResult(Rules, moreThanPage: false, 20).IsAllowed);
    }

    [Fact]
    public void RulesOff_AllowsBroadSearch() =>
        Assert.True(SearchPolicy.Check(Rules with { RequireSpecificCriteria = false }, Criteria(family: 1)).IsAllowed);
}
