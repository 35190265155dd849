using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage.Incidents;
using Vigie.Storage.Registry;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>The seam for notification: a scope becomes people with their current contacts, merges followed.</summary>
public sealed class AffectedPeopleTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IdentityRow Identity(string id, string name, string? phones = null, string? emails = null, bool address = false, string? replacedBy = null) => new()
    {
        Id = id, BirthName = name, FirstGivenName = "JEAN", GivenNames = "JEAN PAUL", BirthDate = new DateOnly(1970, 1, 1), Phones = phones, Emails = emails,
        AddressLines = address ? "3 RUE DES LILAS" : null, PostalCode = address ? "59000" : null, City = address ? "LILLE" : null,
        Active = replacedBy is null, ReplacedById = replacedBy,
    };

    private static ScopeEntry Disclosure(long sequence, string patient, DisclosedData data) =>
        new(sequence, RecordedAttack.Start.AddMinutes(sequence), RecordedAttack.Owner, RecordedAttack.EvilSession1, RecordedAttack.AttackerIp,
            RecordedAttack.AttackerAgent, JournalAction.Read, new PatientId(patient), data, true);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AffectedPeople_FollowMergesToTheSurvivor_UniteCategories_AndReportChannels(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Identities.AddRange(
                Identity("p-a", "MARTIN", phones: "06 12 34 56 78", emails: "martin@example.org", address: true),
                Identity("p-old", "DURAND", replacedBy: "p-mid"),
                Identity("p-mid", "DURAND", replacedBy: "p-new"),
                Identity("p-new", "DURAND", phones: "03 20 00 00 00"),
                Identity("p-b", "PETIT"));
            await db.SaveChangesAsync();
        }

        var scope = ScopeBuilder.Build(AttackFixture.Window, AttackFixture.Selectors(accounts: [RecordedAttack.Owner]), 10,
            [
                Disclosure(1, "p-a", DisclosedData.Identity),
                Disclosure(2, "p-old", DisclosedData.Identity | DisclosedData.Phone),
                Disclosure(3, "p-new", DisclosedData.Identity | DisclosedData.Address),
                Disclosure(4, "p-b", DisclosedData.Identity),
                Disclosure(5, "p-gone", DisclosedData.Identity),
            ],
            new ScopeIntegrity(5, 0, 0, false), RecordedAttack.Start);

        await using var read = database.NewContext();
        var people = await AffectedPeopleQuery.LoadAsync(read, scope, CancellationToken.None);

        Assert.Equal(["p-a", "p-b", "p-gone", "p-new"], people.Select(p => p.Patient.Value));
        var durand = people.Single(p => p.Patient.Value == "p-new");
        Assert.Equal(["p-new", "p-old"], durand.DisclosedAs.Select(p => p.Value));
        Assert.Equal(DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Address, durand.Categories);
        Assert.Equal(ContactChannels.None, durand.Channels);
        Assert.Equal(ContactChannels.Email | ContactChannels.Sms | ContactChannels.Post, people.Single(p => p.Patient.Value == "p-a").Channels);
        Assert.False(people.Single(p => p.Patient.Value == "p-gone").Found);
    }
}
