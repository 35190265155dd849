using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Storage.Incidents;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>A canary patient's recipients come from the journal, and the incident opened for it points at them.</summary>
public sealed class CanaryAttributionTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CanaryIncident_NamesEveryAccountAndSessionThatReceivedTheCanary_AndItsScopeHoldsTheCanary(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 51);
        using var key = await AttackFixture.WriteAsync(database, attack);

        // The canary: a patient the attacker's first session received (its contact was later used for phishing).
        var canary = attack.ReceivedBy(RecordedAttack.EvilSession1).Keys.Order().First();
        var truth = attack.Received.Where(r => r.Patient == canary && AttackFixture.Window.Contains(r.Time)).Select(r => r.Session).Distinct().Order().ToList();

        await using var db = database.NewContext();
        var recipients = await RecipientsQuery.OfPatientAsync(db, new PatientId(canary), AttackFixture.Window, CancellationToken.None);
        Assert.Equal(truth, recipients.Select(r => r.Session!).Distinct().Order());

        var request = CanaryIncident.Request(new PatientId(canary), recipients, AttackFixture.Window, RecordedAttack.Start.AddDays(3), "system:canary");
        Assert.True(request.Success, request.Error);
        Assert.Equal(IncidentOrigin.CanaryContact, request.Value.Origin);
        Assert.Contains(RecordedAttack.Owner, request.Value.Selectors.Accounts);
        var (incident, _) = await IncidentStore.OpenAsync(db, request.Value, RecordedAttack.Start.AddDays(3), CancellationToken.None);
        var scope = (await ScopeQuery.ComputeAsync(db, incident.Window, incident.Selectors, key.Trust, false, RecordedAttack.Start.AddDays(3), CancellationToken.None)).Scope;
        Assert.Contains(scope.Patients, p => p.Patient.Value == canary);

        Assert.False(CanaryIncident.Request(new PatientId("p-nobody"), [], AttackFixture.Window, RecordedAttack.Start, "system:canary").Success);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Hits_OpenOneIncidentPerLeak_LaterHitsWidenIt_AndAHitAfterClosingOpensTheNextLeak(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 52);
        using var key = await AttackFixture.WriteAsync(database, attack);
        var canary = attack.ReceivedBy(RecordedAttack.EvilSession1).Keys.Order().First();
        var planted = RecordedAttack.Start.AddDays(-1);
        var now = RecordedAttack.Start.AddDays(5);
        await using var db = database.NewContext();
        db.Canaries.Add(new Vigie.Storage.Detection.CanaryRow { IdentityId = canary, Finess = "590780193", PlantedAt = planted, MonitoredEmail = "rose.lemaire.x4@temoins.example" });
        await db.SaveChangesAsync();
        var mentions = ContactMentions.In("To: Rose <Rose.Lemaire.X4@temoins.example>");
        var hit = new CanaryAttribution.Hit(CanaryHitSource.MonitoredMessage, now, Text: "Bonjour");

        var first = Assert.Single(await CanaryAttribution.RecordAsync(db, mentions, hit, "system:canary", now, CancellationToken.None));
        var second = Assert.Single(await CanaryAttribution.RecordAsync(db, mentions, hit, "system:canary", now.AddHours(1), CancellationToken.None));

        Assert.True(first.Opened);
        Assert.Equal((first.Incident!.Id, false), (second.Incident!.Id, second.Opened));
        var truth = attack.Received.Where(r => r.Patient == canary && r.Time >= planted && r.Time < now).Select(r => r.Session).Distinct().Order().ToList();
        Assert.Equal(truth, second.Incident.Selectors.Sessions);
        Assert.Equal(now.AddHours(1), second.Incident.Window.To);
        Assert.Equal(CanaryIncident.Key(new PatientId(canary), 1), second.Incident.AlertId);

        await IncidentStore.SetStatusAsync(db, first.Incident.Id, IncidentStatus.Closed, now.AddDays(1), CancellationToken.None);
        var third = Assert.Single(await CanaryAttribution.RecordAsync(db, mentions, hit, "system:canary", now.AddDays(2), CancellationToken.None));
        Assert.True(third.Opened);
        Assert.NotEqual(first.Incident.Id, third.Incident!.Id);
        Assert.Equal(CanaryIncident.Key(new PatientId(canary), 2), third.Incident.AlertId);
        Assert.Equal(3, await db.CanaryHits.CountAsync(h => h.IdentityId == canary));

        Assert.Empty(await CanaryAttribution.RecordAsync(db, ContactMentions.In("someone@example.org"), hit, "system:canary", now, CancellationToken.None));
    }
}
