using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>Masks, channel choice and the checks on facts and targets.</summary>
public sealed class NoticeRulesTests
{
    [Theory]
    [InlineData("jeanne.dupont@exemple.fr", "…nt@")]
    [InlineData("abcd@exemple.fr", "…cd@")]
    [InlineData("abc@exemple.fr", "…c@")]
    [InlineData("ab@exemple.fr", "…b@")]
    [InlineData("a@exemple.fr", "…@")]
    public void EmailMask_ShowsAtMostTwoCharactersBeforeTheAt_AndNeverTheDomain(string address, string expected)
    {
        var mask = DestinationMask.For(NoticeChannel.Email, address);
        Assert.Equal(expected, mask);
        Assert.DoesNotContain("exemple", mask!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+33612345678", "…78")]
    [InlineData("06 12 34 56 42", "…42")]
    public void PhoneMask_ShowsTheLastTwoDigits(string phone, string expected) => Assert.Equal(expected, DestinationMask.For(NoticeChannel.Sms, phone));

    [Fact]
    public void LetterMask_ShowsNothing() => Assert.Null(DestinationMask.For(NoticeChannel.Letter, "12 rue des Lilas"));

    [Fact]
    public void Channel_PrefersEmail_ThenMobile_ThenLetter_ElseNone()
    {
        var full = NoticeSamples.Target();
        Assert.Equal((NoticeChannel.Email, "jeanne.dupont@exemple.fr"), ChannelChoice.For(full));
        Assert.Equal((NoticeChannel.Sms, "+33612345678"), ChannelChoice.For(full with { Email = "not an address" }));
        Assert.Equal((NoticeChannel.Letter, (string?)null), ChannelChoice.For(full with { Email = null, Phone = "03 20 12 34 56" }));
        Assert.Equal((NoticeChannel.None, (string?)null), ChannelChoice.For(full with { Email = null, Phone = null, Address = new PostalAddress([], "59000", "Lille", null) }));
    }

    [Theory]
    [InlineData("07 12 34 56 78", "+33712345678")]
    [InlineData("+33 7 12 34 56 78", "+33712345678")]
    [InlineData("0033 6 12 34 56 78", "+33612345678")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("01 40 00 00 00", null)]
    [InlineData("12", null)]
    public void MobileNumber_OnlyForNumbersThatReceiveSms(string phone, string? expected) => Assert.Equal(expected, ChannelChoice.MobileNumber(phone));

    [Fact]
    public void SampleFacts_PassTheirCheck() => Assert.True(NoticeFacts.Check(NoticeSamples.Facts).Success, NoticeFacts.Check(NoticeSamples.Facts).Error);

    [Theory]
    [InlineData("https://vigie.example.fr/connexion")]
    [InlineData("https://vigie.example.fr/verifier?next=/login")]
    [InlineData("https://user@vigie.example.fr/verifier")]
    [InlineData("javascript:alert(1)//verifier")]
    [InlineData("ftp://vigie.example.fr/verifier")]
    [InlineData("vigie.example.fr/verifier")]
    public void Facts_WithAPortalAddressThatIsNotTheVerificationPage_AreRefused(string portal) =>
        Assert.False(NoticeFacts.Check(NoticeSamples.Facts with { PortalAddress = portal }).Success);

    [Theory]
    [InlineData("CHU de Lille http://evil.example")]
    [InlineData("www.evil.example")]
    [InlineData("evil.example/login")]
    [InlineData("Line\nbreak")]
    public void Facts_WithAWebAddressOrControlInTheOrganisation_AreRefused(string organisation) =>
        Assert.False(NoticeFacts.Check(NoticeSamples.Facts with { Organisation = organisation }).Success);

    [Fact]
    public void Facts_WithDatesOutOfOrderOrNoMeasure_AreRefused()
    {
        Assert.False(NoticeFacts.Check(NoticeSamples.Facts with { To = NoticeSamples.Facts.From.AddDays(-1) }).Success);
        Assert.False(NoticeFacts.Check(NoticeSamples.Facts with { Measures = [] }).Success);
        Assert.False(NoticeFacts.Check(NoticeSamples.Facts with { Dpo = NoticeSamples.Facts.Dpo with { Email = "not-an-email" } }).Success);
    }

    [Theory]
    [InlineData("Jean http://evil.example/login")]
    [InlineData("Jean\u202Eevil")]
    public void Target_WithAWebAddressOrControlInTheName_IsRefused(string name) =>
        Assert.False(NotificationTarget.Check(NoticeSamples.Target(name)).Success);

    [Fact]
    public void Target_Sample_IsAccepted() => Assert.True(NotificationTarget.Check(NoticeSamples.Target()).Success);

    [Fact]
    public void FrenchDates_WriteTheFirstAsPremier() =>
        Assert.Equal(("1er septembre 2025", "23 novembre 2026", "01/09/2025"), (FrenchDates.Long(new DateOnly(2025, 9, 1)), FrenchDates.Long(new DateOnly(2026, 11, 23)), FrenchDates.Short(new DateOnly(2025, 9, 1))));

    [Fact]
    public void NoticesTarget_UsesTheJournalCategories() =>
        Assert.Contains("votre adresse électronique", NoticeRendering.PlainText(NoticeComposer.Compose(NoticeSamples.Facts, NoticeSamples.Target(exposed: DisclosedData.Email), NoticeSamples.Reference)).Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
}
