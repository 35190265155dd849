using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

public sealed class FinessTests
{
    private static string WithCheckDigit(string eight) => eight + Luhn.CheckDigit(eight);

    [Fact]
    public void Parse_AcceptsARealFinessNumber() => Assert.True(Finess.Parse("750712184").Success);

    [Theory]
    [InlineData("01078005")]
    [InlineData("13078604")]
    [InlineData("00000000")]
    [InlineData("99999999")]
    public void Parse_AcceptsNumbersWithTheirLuhnCheckDigit(string eight)
    {
        var value = WithCheckDigit(eight);
        Assert.Equal(new Finess(value), Finess.Parse(value).Value);
    }

    // Corsica: 2A and 2B count as 20 for the check digit.
    [Theory]
    [InlineData("2A", "000001")]
    [InlineData("2B", "000002")]
    public void Parse_AcceptsCorsicanNumbers(string departement, string rest)
    {
        var value = departement + rest + Luhn.CheckDigit("20" + rest);
        Assert.Equal(value, Finess.Parse(value).Value.Value);
    }

    [Fact]
    public void Parse_RejectsWrongCheckDigit() => Assert.Equal("the FINESS check digit is wrong", Finess.Parse("750712185").Error);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("75071218")]
    [InlineData("7507121840")]
    public void Parse_RejectsWrongLength(string? value) => Assert.Equal("a FINESS number has 9 characters", Finess.Parse(value).Error);

    [Theory]
    [InlineData("75071218X")]
    [InlineData("2C0000010")]
    [InlineData("2a0000010")]
    [InlineData("75 712184")]
    public void Parse_RejectsNonDigits(string value) =>
        Assert.Equal("a FINESS number contains only digits (or 2A/2B)", Finess.Parse(value).Error);

    // Luhn catches every single-digit error: any 8 digits plus their check digit are valid, and changing one digit is not.
    [Fact]
    public void Luhn_CheckDigitValidatesAndCatchesEverySingleDigitError()
    {
        var eightDigits = Gen.Elements("0123456789".ToCharArray()).ArrayOf(8).Select(c => new string(c)).ToArbitrary();
        var position = Gen.Choose(0, 8).ToArbitrary();
        var shift = Gen.Choose(1, 9).ToArbitrary();
        Prop.ForAll(eightDigits, position, shift, (eight, at, by) =>
        {
            var valid = WithCheckDigit(eight).ToCharArray();
            var wrong = (char[])valid.Clone();
            wrong[at] = (char)('0' + ((wrong[at] - '0' + by) % 10));
            return Luhn.IsValid(valid) && !Luhn.IsValid(wrong) && Finess.Parse(new string(valid)).Success;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Luhn_AcceptsTheTextbookExample()
    {
        Assert.True(Luhn.IsValid("79927398713"));
        Assert.Equal('3', Luhn.CheckDigit("7992739871"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("7992739871A")]
    [InlineData("79927\u0663398713")]
    public void Luhn_IsFalseForWhatIsNotADigitString(string digits) => Assert.False(Luhn.IsValid(digits));

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    public void Luhn_CheckDigitRefusesNonDigits(string digits) =>
        Assert.Throws<ArgumentException>(() => Luhn.CheckDigit(digits));
}
