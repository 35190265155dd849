using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

public sealed class QueryShapeTests
{
    [Fact]
    public void NameKey_FollowsAlphabeticalOrder()
    {
        var a = QueryShape.Of("DUBOIS", "ANNE", null, true, false, null, false, false);
        var b = QueryShape.Of("DUBOIS", "MARIE", null, true, false, null, false, false);
        var c = QueryShape.Of("DUPONT", "ANNE", null, true, false, null, false, false);

        Assert.True(a.NameKey < b.NameKey);
        Assert.True(b.NameKey < c.NameKey);
        Assert.Equal(a.FamilyKey, b.FamilyKey);
    }

    [Fact]
    public void Specificity_RanksSearchesThatNameOnePersonAboveHomonymLists()
    {
        var exact = QueryShape.Of("DUPONT", "JEAN", new DateOnly(1980, 5, 17), false, false, null, false, true);
        var familyBirth = QueryShape.Of("DUPONT", null, new DateOnly(1980, 5, 17), false, false, null, false, false);
        var homonyms = QueryShape.Of("DUPONT", "JEAN", null, true, false, null, false, false);

        Assert.True(exact.Specificity > familyBirth.Specificity);
        Assert.True(familyBirth.Specificity >= 6);
        Assert.True(homonyms.Specificity < 6);
    }

    [Fact]
    public void IdentifierNumber_IsTheTrailingDigits()
    {
        Assert.Equal(123456L, QueryShape.Of(null, null, null, false, false, "IPP-00123456", false, false).IdentifierNumber);
        Assert.Equal(QueryTraits.Identifier, QueryShape.Of(null, null, null, false, false, "X", false, false).Traits);
    }

    [Fact]
    public void BirthDay_IsTheDayNumber() =>
        Assert.Equal(new DateOnly(1980, 5, 17).DayNumber, QueryShape.Of("A", null, new DateOnly(1980, 5, 17), false, false, null, false, false).BirthDay);
}
