using Vigie.Core.Identity;
using Vigie.Core.Incidents;

namespace Vigie.Core.Tests.Incidents;

public sealed class ContactMentionsTests
{
    [Fact]
    public void Mentions_FindAddressesAndNumbers_InTheFormsCanariesAreStoredIn()
    {
        var found = ContactMentions.In(
            "Odette Vasseur <ODETTE.Vasseur.k7q2@Temoins.Example>",
            "Received: from mx.example (192.168.10.20)\nDate: 2026-03-04\nTo: rose@example.org.",
            "Rappelez le +33 (0)7 00 00 12 34 ou le 06.12.34.56.78, ou le 0033 7 00 00 12 34.",
            null);

        Assert.Equal(["odette.vasseur.k7q2@temoins.example", "rose@example.org"], found.Emails);
        Assert.Equal(["0700001234", "0612345678"], found.Phones.Where(p => p.StartsWith('0') && p.Length == 10));
        Assert.DoesNotContain("20260304", found.Phones);
    }

    [Fact]
    public void Mentions_OfPlainText_AreEmpty()
    {
        Assert.True(ContactMentions.In("Votre colis est bloqué, payez 1,99 EUR.", "").IsEmpty);
    }

    [Fact]
    public void Keys_OfOneCanary_ShareItsPrefix_AndFitAnAlertId()
    {
        var shortId = new PatientId("p-1");
        var longId = new PatientId(new string('a', 64));
        Assert.Equal("canary:p-1:2", CanaryIncident.Key(shortId, 2));
        Assert.StartsWith(CanaryIncident.KeyPrefix(longId), CanaryIncident.Key(longId, 12345678), StringComparison.Ordinal);
        Assert.True(CanaryIncident.Key(longId, 12345678).Length <= IncidentRequest.MaxAlertIdLength);
        Assert.False(CanaryIncident.Key(new PatientId("p-10"), 1).StartsWith(CanaryIncident.KeyPrefix(shortId), StringComparison.Ordinal));
    }
}
