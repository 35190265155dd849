using Vigie.Core.Identity;
using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class MatchRecordTests
{
    [Fact]
    public void From_ComputesTheFeatures()
    {
        var record = Person.Record(
            birthName: "DUPONT",
            firstGiven: "MARIE",
            givenNames: "MARIE ANNE",
            birthDate: new DateOnly(1980, 3, 5),
            usedName: "MARTIN",
            phones: ["+33 6 12 34 56 78", "06 12 34 56 78", "01 23 45 67 89"],
            emails: ["Marie.Martin@Orange.fr", "nope"]);

        Assert.Equal("DUPONT", record.BirthName);
        Assert.Equal("MARTIN", record.UsedName);
        Assert.Equal("MARIE", record.FirstGivenName);
        Assert.Equal("MARIE ANNE", record.GivenNames);
        Assert.Equal(FrenchPhonetic.Key("DUPONT"), record.BirthNameKey);
        Assert.Equal(FrenchPhonetic.Key("MARTIN"), record.UsedNameKey);
        Assert.Equal(FrenchPhonetic.Key("MARIE"), record.FirstGivenNameKey);
        Assert.Equal((1980, 3, 5), (record.BirthYear, record.BirthMonth, record.BirthDay));
        Assert.Equal(Sex.Female, record.Sex);
        Assert.Equal("75056", record.BirthplaceCode);
        Assert.Equal(["0612345678", "0123456789"], record.Phones);
        Assert.Equal(["marie.martin@orange.fr"], record.Emails);
    }

    [Fact]
    public void ToString_DisclosesNoIdentityData() =>
        Assert.DoesNotContain("DUPONT", Person.Record(birthName: "DUPONT").ToString(), StringComparison.Ordinal);

    [Fact]
    public void From_DropsAUsedNameEqualToTheBirthName()
    {
        var record = Person.Record(birthName: "DUPONT", usedName: "DUPONT");
        Assert.Null(record.UsedName);
        Assert.Equal(0UL, record.UsedNameKey);
    }

    [Fact]
    public void From_TakesTheFirstGivenNameFromTheListWhenMissing()
    {
        var record = MatchRecord.From(Person.Traits(firstGiven: string.Empty, givenNames: "ANNE MARIE"));
        Assert.Equal("ANNE", record.FirstGivenName);
    }

    [Fact]
    public void From_WithoutBirthDate_HasZeroComponents()
    {
        var record = MatchRecord.From(Person.Traits() with { BirthDate = null, BirthplaceCode = string.Empty });
        Assert.Null(record.BirthDate);
        Assert.Equal((0, 0, 0), (record.BirthYear, record.BirthMonth, record.BirthDay));
        Assert.Null(record.BirthplaceCode);
    }
}
