using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>The scope equals what the attacking clients were actually sent: nothing missing, nothing extra.</summary>
public sealed class ScopeExactnessTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ScopeOfTheAttackerSessions_EqualsExactlyThePatientsSentToThem_WithCategoriesUnited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate();
        using var key = await AttackFixture.WriteAsync(database, attack);

        var result = await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1, RecordedAttack.EvilSession2]));

        var expected = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2);
        Assert.True(expected.Count > 100, "the recorded attack reaches many patients");
        Assert.Equal(expected.OrderBy(p => p.Key), AttackFixture.Patients(result.Scope).OrderBy(p => p.Key));
        Assert.Contains(expected.Values, c => c == (DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Email | DisclosedData.Address));
        Assert.True(result.Scope.Integrity.Exact);
        Assert.Equal(attack.Received.Count(r => r.Session is RecordedAttack.EvilSession1 or RecordedAttack.EvilSession2 && AttackFixture.Window.Contains(r.Time)),
            result.Scope.Summary.Records);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ScopeEntries_AreTheJournalIndexesOfTheDisclosures(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 11);
        using var key = await AttackFixture.WriteAsync(database, attack);

        var scope = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1]))).Scope;

        // The journal's sequence numbers are the positions in the appended list.
        var expected = attack.Entries.Select((e, i) => (Entry: e, Index: (long)i))
            .Where(x => x.Entry.Request.Session == RecordedAttack.EvilSession1 && AttackFixture.Window.Contains(x.Entry.Time) && Disclosures.IsDisclosure(x.Entry))
            .Select(x => x.Index).ToList();
        Assert.Equal(expected, scope.Entries.Select(e => e.Sequence));
        foreach (var patient in scope.Patients)
        {
            Assert.All(patient.Entries, s => Assert.Equal(patient.Patient, scope.Entries.Single(e => e.Sequence == s).Patient));
            Assert.Equal(patient.Categories, patient.Entries.Aggregate(DisclosedData.None, (c, s) => c | attack.Entries[(int)s].Disclosed));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ScopeOfTheCompromisedAccount_HoldsItsOwnersDisclosuresToo_AndNoDenial(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 3);
        using var key = await AttackFixture.WriteAsync(database, attack);

        var scope = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(accounts: [RecordedAttack.Owner]))).Scope;

        var ownerSessions = attack.Entries.Where(e => e.Actor.ProfessionalId == RecordedAttack.Owner).Select(e => e.Request.Session!).Distinct().ToArray();
        Assert.Equal(attack.ReceivedBy(ownerSessions).OrderBy(p => p.Key), AttackFixture.Patients(scope).OrderBy(p => p.Key));
        Assert.All(scope.Entries, e => Assert.Equal(RecordedAttack.Owner, e.Account));
        Assert.DoesNotContain(scope.Patients, p => p.Patient.Value == RecordedAttack.PatientId(401) || p.Patient.Value == RecordedAttack.PatientId(402));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ScopeOfTheAttackerIp_ReachesBothAccountsUsedFromIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 5);
        using var key = await AttackFixture.WriteAsync(database, attack);

        var result = await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(ips: ["::ffff:" + RecordedAttack.AttackerIp]));

        var expected = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2, RecordedAttack.AccompliceSession);
        Assert.Equal(expected.OrderBy(p => p.Key), AttackFixture.Patients(result.Scope).OrderBy(p => p.Key));
        Assert.Equal([RecordedAttack.Accomplice, RecordedAttack.Owner], result.ScannedAccounts);
        Assert.Equal([RecordedAttack.Accomplice, RecordedAttack.Owner], result.Scope.Summary.Accounts.Select(a => a.Account!).Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WindowEdges_StartIsInside_EndIsOutside(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 9);
        using var key = await AttackFixture.WriteAsync(database, attack);

        var scope = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1, RecordedAttack.EvilSession2]))).Scope;

        Assert.Contains(scope.Patients, p => p.Patient.Value == RecordedAttack.PatientId(400) && p.FirstDisclosure == AttackFixture.Window.From);
        Assert.DoesNotContain(scope.Patients, p => p.Patient.Value == RecordedAttack.PatientId(401));

        // A window ending one tick after the last edge entry takes it in: the column's coarser time does not hide it.
        var wider = new TimeWindow(AttackFixture.Window.From, AttackFixture.Window.To.AddTicks(1));
        var widened = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession2]), window: wider)).Scope;
        Assert.Contains(widened.Patients, p => p.Patient.Value == RecordedAttack.PatientId(401) && p.Categories == (DisclosedData.Identity | DisclosedData.Email));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATamperedRowInScope_IsFlaggedNotIntact(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 13);
        using var key = await AttackFixture.WriteAsync(database, attack);
        var before = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1]))).Scope;
        var victim = before.Entries[3].Sequence;

        await using (var db = database.NewContext())
        {
            var zero = new byte[16];
            await db.Database.ExecuteSqlAsync($"UPDATE journal_entries SET \"Seal\" = {zero} WHERE \"Sequence\" = {victim}");
        }

        var after = (await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(sessions: [RecordedAttack.EvilSession1]))).Scope;
        Assert.Equal(1, after.Integrity.NotIntact);
        Assert.False(after.Integrity.Exact);
        Assert.False(after.Entries.Single(e => e.Sequence == victim).Intact);
    }
}
