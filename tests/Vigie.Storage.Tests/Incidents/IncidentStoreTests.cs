using Vigie.Core.Incidents;
using Vigie.Storage.Incidents;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

public sealed class IncidentStoreTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IncidentRequest Request(string? alert = null) => new(
        "Extraction massive depuis un compte compromis",
        alert is null ? IncidentOrigin.Manual : IncidentOrigin.Alert,
        alert,
        AttackFixture.Window,
        AttackFixture.Selectors(accounts: ["10007654329"], sessions: [RecordedAttack.EvilSession1], ips: [RecordedAttack.AttackerIp], agents: [RecordedAttack.AttackerAgent]),
        RecordedAttack.Start.AddDays(2),
        "officer:alice");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpenedIncident_ReadsBackWithItsSelectorsNormalised(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (opened, created) = await IncidentStore.OpenAsync(db, Request(), RecordedAttack.Start.AddDays(2).AddHours(1), CancellationToken.None);

        Assert.True(created);
        var found = await IncidentStore.FindAsync(db, opened.Id, CancellationToken.None);
        Assert.Equal(opened, found);
        Assert.Equal(["810007654329"], found!.Selectors.Accounts);
        Assert.Equal(AttackFixture.Window, found.Window);
        Assert.Equal(IncidentStatus.Open, found.Status);
        Assert.Equal(RecordedAttack.Start.AddDays(2), found.DetectedAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpeningTheSameAlertTwice_ReturnsTheFirstIncident(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (first, _) = await IncidentStore.OpenAsync(db, Request("alert-17"), RecordedAttack.Start, CancellationToken.None);
        var (second, created) = await IncidentStore.OpenAsync(db, Request("alert-17"), RecordedAttack.Start.AddMinutes(5), CancellationToken.None);

        Assert.False(created);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(await IncidentStore.ListAsync(db, null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StatusAndAcceptedPivots_AreKept_AndListsFilterByStatus(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (a, _) = await IncidentStore.OpenAsync(db, Request(), RecordedAttack.Start, CancellationToken.None);
        var (b, _) = await IncidentStore.OpenAsync(db, Request("alert-2"), RecordedAttack.Start, CancellationToken.None);

        var contained = await IncidentStore.SetStatusAsync(db, a.Id, IncidentStatus.Contained, RecordedAttack.Start.AddHours(1), CancellationToken.None);
        var extended = await IncidentStore.AddAccountsAsync(db, a.Id, [RecordedAttack.Accomplice], RecordedAttack.Start.AddHours(2), CancellationToken.None);

        Assert.Equal(IncidentStatus.Contained, contained!.Status);
        Assert.Equal([RecordedAttack.Accomplice, RecordedAttack.Owner], extended.Value.Selectors.Accounts);
        Assert.Equal(RecordedAttack.Start.AddHours(2), extended.Value.UpdatedAt);
        Assert.Equal([b.Id], (await IncidentStore.ListAsync(db, IncidentStatus.Open, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([b.Id, a.Id], (await IncidentStore.ListAsync(db, null, CancellationToken.None)).Select(i => i.Id));
        Assert.Null(await IncidentStore.SetStatusAsync(db, new IncidentId(999), IncidentStatus.Closed, RecordedAttack.Start, CancellationToken.None));
        Assert.False((await IncidentStore.AddAccountsAsync(db, a.Id, ["has space"], RecordedAttack.Start, CancellationToken.None)).Success);
    }
}
