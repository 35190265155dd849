using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class NameComparatorTests
{
    [Theory]
    [InlineData("DUPONT", "DUPONT", NameAgreement.Exact)]
    [InlineData("DUPONT", "DUPOND", NameAgreement.Phonetic)]
    [InlineData("LEFEBVRE", "LEFEVBRE", NameAgreement.JaroWinklerHigh)] // 0.975, codes LFBVR and LFVBR
    [InlineData("MOREAU", "MOREL", NameAgreement.JaroWinklerMid)] // 0.893, codes MR and MRL
    [InlineData("DUPONT", "MARTIN", NameAgreement.Disagree)]
    [InlineData("", "DUPONT", NameAgreement.Missing)]
    public void FamilyNames_AreGradedByLevel(string a, string b, NameAgreement expected) =>
        Assert.Equal(expected, NameComparator.CompareFamilyNames(Person.Record(birthName: a), Person.Record(birthName: b)));

    [Fact]
    public void FamilyNames_MarriedNameEnteredAsBirthName_AgreeAtTheirOwnLevel()
    {
        var married = Person.Record(birthName: "DUPONT", usedName: "MARTIN");
        var enteredUnderMarriedName = Person.Record(birthName: "MARTIN");
        Assert.Equal(NameAgreement.ExactOtherName, NameComparator.CompareFamilyNames(married, enteredUnderMarriedName));
        Assert.Equal(NameAgreement.ExactOtherName, NameComparator.CompareFamilyNames(enteredUnderMarriedName, married));
    }

    [Fact]
    public void FamilyNames_SameUsedNameDifferentBirthNames_AgreeAtTheOtherNameLevel()
    {
        var a = Person.Record(birthName: "DUPONT", usedName: "MARTIN");
        var b = Person.Record(birthName: "DURAND", usedName: "MARTIN");
        Assert.Equal(NameAgreement.ExactOtherName, NameComparator.CompareFamilyNames(a, b));
    }

    [Fact]
    public void FamilyNames_TypoInTheUsedName_IsFoundAcrossNames()
    {
        var married = Person.Record(birthName: "DUPONT", usedName: "LEFEBVRE");
        var typo = Person.Record(birthName: "LEFEVBRE");
        Assert.Equal(NameAgreement.JaroWinklerHigh, NameComparator.CompareFamilyNames(married, typo));
    }

    [Fact]
    public void FamilyNames_BirthNamesEqual_WinOverEverything()
    {
        var a = Person.Record(birthName: "DUPONT", usedName: "MARTIN");
        var b = Person.Record(birthName: "DUPONT", usedName: "DURAND");
        Assert.Equal(NameAgreement.Exact, NameComparator.CompareFamilyNames(a, b));
    }

    [Theory]
    [InlineData("MARIE", "MARIE", GivenNameAgreement.Exact)]
    [InlineData("CATHERINE", "KATHERINE", GivenNameAgreement.Phonetic)]
    [InlineData("FRANCOIS", "FRANCOISE", GivenNameAgreement.JaroWinklerHigh)] // 0.978, codes FRNK and FRNKS
    [InlineData("BERNARD", "BERTRAND", GivenNameAgreement.JaroWinklerMid)] // 0.9375, codes BRNR and BRTRN
    [InlineData("MARIE", "JEAN", GivenNameAgreement.Disagree)]
    [InlineData("MARIE", "", GivenNameAgreement.Missing)]
    public void FirstGivenNames_AreGradedByLevel(string a, string b, GivenNameAgreement expected) =>
        Assert.Equal(expected, NameComparator.CompareFirstGivenNames(Person.Record(firstGiven: a), Person.Record(firstGiven: b, givenNames: b)));

    [Fact]
    public void FirstGivenName_FoundAmongTheOthersGivenNames_IsItsOwnLevel()
    {
        var a = Person.Record(firstGiven: "MARIE", givenNames: "MARIE");
        var b = Person.Record(firstGiven: "ANNE", givenNames: "ANNE MARIE");
        Assert.Equal(GivenNameAgreement.InOtherGivenNames, NameComparator.CompareFirstGivenNames(a, b));
        Assert.Equal(GivenNameAgreement.InOtherGivenNames, NameComparator.CompareFirstGivenNames(b, a));
    }

    [Fact]
    public void FirstGivenName_PartOfAHyphenatedName_IsInTheOtherGivenNames()
    {
        var a = Person.Record(firstGiven: "JEAN");
        var b = Person.Record(firstGiven: "JEAN-PIERRE");
        Assert.Equal(GivenNameAgreement.InOtherGivenNames, NameComparator.CompareFirstGivenNames(a, b));
    }

    [Theory]
    [InlineData("ANNE MARIE", "MARIE", true)]
    [InlineData("ANNE MARIE", "ANNE", true)]
    [InlineData("ANNE-MARIE CLAIRE", "MARIE", true)]
    [InlineData("ANNE-MARIE CLAIRE", "ANNE-MARIE", true)]
    [InlineData("ANNE MARIELLE", "MARIE", false)]
    [InlineData("ANNE", "ANNE MARIE", false)]
    [InlineData("", "MARIE", false)]
    public void ContainsName_MatchesWholeNamesOnly(string list, string name, bool expected) =>
        Assert.Equal(expected, NameComparator.ContainsName(list, name));
}
