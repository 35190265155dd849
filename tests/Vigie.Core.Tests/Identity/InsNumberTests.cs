using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Identity;

/// <summary>
/// INS numbers: 13 characters and a key of 97 - (number mod 97), with 2A -> 19 and 2B -> 18 for Corsica.
/// The keys below were computed independently of the code under test.
/// </summary>
public sealed class InsNumberTests
{
    [Theory]
    [InlineData("185057800608491")]
    [InlineData("255081416802538")]
    [InlineData("765019912345641")]
    public void Parse_AcceptsNumberWithCorrectKey(string value)
    {
        var result = InsNumber.Parse(InsKind.Nir, value);
        Assert.True(result.Success, result.Error);
        Assert.Equal(new InsNumber(InsKind.Nir, value), result.Value);
    }

    // When the number is a multiple of 97 the key is 97, never 00.
    [Fact]
    public void Parse_AcceptsKey97WhenTheNumberIsAMultipleOf97()
    {
        Assert.True(InsNumber.Parse(InsKind.Nir, "185057800607897").Success);
        Assert.False(InsNumber.Parse(InsKind.Nir, "185057800607800").Success);
    }

    [Fact]
    public void Parse_RemovesSpaces() =>
        Assert.Equal("185057800608491", InsNumber.Parse(InsKind.Nir, "1 85 05 78 006 084 91").Value.Value);

    [Theory]
    [InlineData("185057800608490")]
    [InlineData("185057800608492")]
    [InlineData("185057800608498")]
    [InlineData("285057800608491")] // one digit of the number changed
    public void Parse_RejectsWrongKey(string value) =>
        Assert.Equal("the INS key does not match the number", InsNumber.Parse(InsKind.Nir, value).Error);

    [Theory]
    [InlineData("185052A00608435")]
    [InlineData("285052B01234556")]
    public void Parse_AcceptsCorsicanNumbers(string value) => Assert.Equal(value, InsNumber.Parse(InsKind.Nir, value).Value.Value);

    // 2A counts as 19 for the key: the key computed as if 2A were 20 (08) is wrong.
    [Fact]
    public void Parse_CountsCorsica2AAs19ForTheKey() =>
        Assert.False(InsNumber.Parse(InsKind.Nir, "185052A00608408").Success);

    [Theory]
    [InlineData("1850578006084A1")]
    [InlineData("18505780060X491")]
    [InlineData("185052C00608435")] // only 2A and 2B
    [InlineData("1852A7800608435")] // 2A only as the département
    [InlineData("185052a00608435")] // upper case, as INSi writes it
    public void Parse_RejectsNonDigits(string value) => Assert.False(InsNumber.Parse(InsKind.Nir, value).Success);

    [Theory]
    [InlineData("")]
    [InlineData("18505780060849")]
    [InlineData("1850578006084911")]
    [InlineData("1850578006084")]
    public void Parse_RejectsWrongLength(string value) =>
        Assert.Equal("an INS number has 13 characters and a 2-digit key", InsNumber.Parse(InsKind.Nir, value).Error);

    [Fact]
    public void Parse_RejectsMissingNumber() => Assert.Equal("the INS number is missing", InsNumber.Parse(InsKind.Nir, null).Error);

    // 5850578006084 has the key 85, but no INS number starts with 5.
    [Fact]
    public void Parse_RejectsUnknownLeadingDigit() =>
        Assert.Equal("an INS number starts with 1, 2, 3, 4, 7 or 8", InsNumber.Parse(InsKind.Nir, "585057800608485").Error);

    [Theory]
    [InlineData(InsKind.Nir, "urn:oid:1.2.250.1.213.1.4.8")]
    [InlineData(InsKind.Nia, "urn:oid:1.2.250.1.213.1.4.9")]
    [InlineData(InsKind.Test, "urn:oid:1.2.250.1.213.1.4.10")]
    [InlineData(InsKind.Demo, "urn:oid:1.2.250.1.213.1.4.11")]
    public void SystemOf_GivesTheOidOfEachKind(InsKind kind, string system)
    {
        Assert.Equal(system, InsNumber.SystemOf(kind));
        Assert.Equal(kind, InsNumber.KindOf(system));
        Assert.Equal(system, new InsNumber(kind, "185057800608491").System);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("urn:oid:1.2.250.1.213.1.4.2")]
    [InlineData("urn:oid:1.2.250.1.213.1.4.8 ")]
    [InlineData("1.2.250.1.213.1.4.8")]
    public void KindOf_IsNullForOtherSystems(string? system) => Assert.Null(InsNumber.KindOf(system));

    [Fact]
    public void SystemOf_ThrowsForAnUndefinedKind() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InsNumber.SystemOf((InsKind)42));
}
