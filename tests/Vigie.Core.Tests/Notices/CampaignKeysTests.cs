using Vigie.Core.Notices;

namespace Vigie.Core.Tests.Notices;

/// <summary>How reports group into campaigns: sender domain, link domain, wording.</summary>
public sealed class CampaignKeysTests
{
    private const string Template =
        "Bonjour {0}, suite à un incident, votre carte Vitale doit être renouvelée avant le {1}. Sans action de votre part vos remboursements seront suspendus. Rendez-vous sur {2} pour confirmer vos informations et régler les frais de 2,99 euros. Assurance Maladie";

    private static SuspiciousMessage Message(string text, string? sender = null) => SuspiciousMessage.Check(text, sender, null).Value;

    [Fact]
    public void SenderDomain_IsNormalisedToItsRegistrablePart()
    {
        var a = CampaignKeys.For(Message("x", "Assurance Maladie <Remboursement@Mail.Ameli-Secure.COM>"));
        var b = CampaignKeys.For(Message("y", "support@ameli-secure.com"));
        Assert.Equal("expediteur:ameli-secure.com", a[0]);
        Assert.Equal(a[0], b[0]);
        Assert.Equal("expediteur:cnam.gouv.fr", CampaignKeys.For(Message("z", "x@mail.cnam.gouv.fr"))[0]);
    }

    [Fact]
    public void FreeMailSenders_AreKeyedByTheWholeAddress()
    {
        Assert.Equal("expediteur:arnaque.vitale@gmail.com", CampaignKeys.For(Message("x", "Arnaque.Vitale@gmail.com"))[0]);
        Assert.NotEqual(CampaignKeys.For(Message("x", "a@gmail.com"))[0], CampaignKeys.For(Message("x", "b@gmail.com"))[0]);
    }

    [Fact]
    public void PhoneAndNamedSmsSenders_AreKeys()
    {
        Assert.Equal("expediteur:tel:0612345678", CampaignKeys.For(Message("x", "+33 6 12 34 56 78"))[0]);
        Assert.Equal("expediteur:nom:AMELI-INFO", CampaignKeys.For(Message("x", "Ameli-Info"))[0]);
    }

    [Fact]
    public void LinkDomains_AreKeys_AndShortLinksKeepTheirPath()
    {
        var keys = CampaignKeys.For(Message("Cliquez https://secure.ameli-renouvellement.fr/vitale?id=42 ou bit.ly/3xYz et www.autre-site.com"));
        Assert.Contains("lien:ameli-renouvellement.fr", keys);
        Assert.Contains("lien:bit.ly/3xYz", keys);
        Assert.Contains("lien:autre-site.com", keys);
    }

    [Fact]
    public void SameWording_WithDifferentNamesLinksAndDates_SharesATextKey()
    {
        var a = CampaignKeys.For(Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, "Jeanne DUPONT", "12/10/2025", "https://vitale-renouv.fr/a1")));
        var b = CampaignKeys.For(Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, "Paul-Émile MARTIN", "14/10/2025", "https://carte-vitale-maj.com/x9")));
        Assert.NotEmpty(a.Where(k => k.StartsWith("texte:", StringComparison.Ordinal)).Intersect(b));
    }

    [Fact]
    public void UnrelatedWording_SharesNoTextKey()
    {
        var a = CampaignKeys.For(Message(string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, "Jeanne", "12/10/2025", "x")));
        var b = CampaignKeys.For(Message("Votre colis est en attente de livraison. Des frais de douane de 1,99 EUR sont à régler avant la remise du colis par notre transporteur."));
        Assert.Empty(a.Where(k => k.StartsWith("texte:", StringComparison.Ordinal)).Intersect(b));
    }

    [Fact]
    public void Keys_AreBoundedAndNeverEmpty()
    {
        var keys = CampaignKeys.For(Message(new string('a', 5000), new string('b', 280) + "@" + new string('c', 19) + ".fr"));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.InRange(k.Length, 1, CampaignKeys.MaxKeyLength));
    }

    [Theory]
    [InlineData("", null, null, "text")]
    [InlineData("x", null, null, null)]
    public void SuspiciousMessage_NeedsText(string text, string? sender, string? headers, string? error) =>
        Assert.Equal(error, SuspiciousMessage.Check(text, sender, headers).Error);

    [Fact]
    public void SuspiciousMessage_RefusesOversizedFields()
    {
        Assert.Equal("text.length", SuspiciousMessage.Check(new string('x', SuspiciousMessage.MaxText + 1), null, null).Error);
        Assert.Equal("sender.length", SuspiciousMessage.Check("x", new string('x', SuspiciousMessage.MaxSender + 1), null).Error);
        Assert.Equal("headers.length", SuspiciousMessage.Check("x", null, new string('x', SuspiciousMessage.MaxHeaders + 1)).Error);
    }

    [Fact]
    public void SuspiciousMessage_KeepsScriptsAsText() =>
        Assert.Equal("<script>alert(1)</script>", SuspiciousMessage.Check("<script>alert(1)</script>", null, null).Value.Text);
}
