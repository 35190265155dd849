using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

public sealed class BirthplaceCodeTests
{
    [Theory]
    [InlineData("75056")] // Paris
    [InlineData("01001")]
    [InlineData("97411")] // La Réunion, Saint-Denis
    [InlineData("98735")] // French Polynesia
    [InlineData("20004")] // Corsica before 1976: the code in force at the date of birth
    public void Parse_AcceptsFiveDigitCommuneCodes(string code) => Assert.Same(code, BirthplaceCode.Parse(code).Value);

    [Theory]
    [InlineData("2A004")] // Ajaccio
    [InlineData("2B033")] // Bastia
    public void Parse_AcceptsCorsicanCodes(string code) => Assert.Equal(code, BirthplaceCode.Parse(code).Value);

    [Theory]
    [InlineData("2a004", "2A004")]
    [InlineData("2b033", "2B033")]
    [InlineData(" 75056 ", "75056")]
    public void Parse_CanonicalisesCaseAndSurroundingSpace(string raw, string expected) =>
        Assert.Equal(expected, BirthplaceCode.Parse(raw).Value);

    [Theory]
    [InlineData("99101")] // Denmark, the first country code
    [InlineData("99350")] // Morocco
    [InlineData(BirthplaceCode.UnknownCountry)]
    public void Parse_AcceptsCountryCodesAbroad(string code)
    {
        Assert.Equal(code, BirthplaceCode.Parse(code).Value);
        Assert.True(BirthplaceCode.IsAbroad(code));
    }

    [Theory]
    [InlineData("75056")]
    [InlineData("2A004")]
    [InlineData("97411")]
    public void IsAbroad_IsFalseForFrenchCommunes(string code) => Assert.False(BirthplaceCode.IsAbroad(code));

    [Fact]
    public void Parse_RejectsMissingCode() => Assert.Equal("the birthplace code is missing", BirthplaceCode.Parse(null).Error);

    [Theory]
    [InlineData("")]
    [InlineData("7505")]
    [InlineData("750560")]
    [InlineData("75 056")]
    public void Parse_RejectsWrongLength(string raw) =>
        Assert.Equal("a birthplace code has 5 characters", BirthplaceCode.Parse(raw).Error);

    [Theory]
    [InlineData("7505A")]
    [InlineData("3A004")] // A/B only after 2
    [InlineData("2C004")]
    [InlineData("2A0B4")]
    [InlineData("A2004")]
    [InlineData("7505\u0663")] // Arabic-Indic digit
    public void Parse_RejectsNonDigits(string raw) =>
        Assert.Equal("a birthplace code is 5 digits, or 2A/2B and 3 digits for Corsica", BirthplaceCode.Parse(raw).Error);

    [Theory]
    [InlineData("00000")]
    [InlineData("00123")]
    public void Parse_RejectsDepartementZero(string raw) => Assert.False(BirthplaceCode.Parse(raw).Success);

    [Theory]
    [InlineData("99100")] // France itself
    [InlineData("99000")]
    [InlineData("99099")]
    public void Parse_RejectsCodesAbroadBelowTheFirstCountry(string raw) => Assert.False(BirthplaceCode.Parse(raw).Success);

    [Fact]
    public void IsAbroad_RejectsNull() => Assert.Throws<ArgumentNullException>(() => BirthplaceCode.IsAbroad(null!));
}
