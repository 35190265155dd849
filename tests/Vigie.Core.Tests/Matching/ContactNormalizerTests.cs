using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class ContactNormalizerTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("06.12.34.56.78", "0612345678")]
    [InlineData("+33 6 12 34 56 78", "0612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "0612345678")]
    [InlineData("0033612345678", "0612345678")]
    [InlineData("+262 262 12 34 56", "00262262123456")]
    [InlineData("+44 20 7946 0958", "00442079460958")]
    [InlineData("0044 20 7946 0958", "00442079460958")]
    public void Phone_IsNormalisedToNationalDigits(string raw, string expected) =>
        Assert.Equal(expected, ContactNormalizer.Phone(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12 34")]
    [InlineData("inconnu")]
    public void Phone_WithoutEnoughDigits_IsAbsent(string? raw) => Assert.Null(ContactNormalizer.Phone(raw));

    [Fact]
    public void Phone_AlreadyNormal_IsReturnedAsItIs()
    {
        const string phone = "0612345678";
        Assert.Same(phone, ContactNormalizer.Phone(phone));
    }

    [Theory]
    [InlineData("  Jean.Dupont@Example.FR ", "jean.dupont@example.fr")]
    [InlineData("marie@orange.fr", "marie@orange.fr")]
    public void Email_IsTrimmedAndLowerCased(string raw, string expected) =>
        Assert.Equal(expected, ContactNormalizer.Email(raw));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("pas une adresse")]
    public void Email_WithoutAt_IsAbsent(string? raw) => Assert.Null(ContactNormalizer.Email(raw));
}
