using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Storage.Notices;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Notices;

/// <summary>Reports grouped into campaigns, on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class PhishingReportsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<PhishingReports.Stored> ReportAsync(VigieDbContext db, string text, string? sender, DateTimeOffset at)
    {
        var message = SuspiciousMessage.Check(text, sender, "Received: from x\nSubject: y").Value;
        return await PhishingReports.StoreAsync(db, message, 1, CampaignKeys.For(message), "00112233445566778899aabbccddeeff", at, default);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reports_SharingAKey_JoinOneCampaign_WithCountsAndDates(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var a = await ReportAsync(db, "Votre carte Vitale expire, cliquez https://vitale-maj.fr/x", "alerte@ameli-secure.com", T0);
        var b = await ReportAsync(db, "Un tout autre texte, même expéditeur", "no-reply@mail.ameli-secure.com", T0.AddHours(1));
        var c = await ReportAsync(db, "Encore un autre texte, mais le même site https://www.vitale-maj.fr/y", "+33 6 00 00 00 01", T0.AddHours(2));
        var d = await ReportAsync(db, "Votre colis est bloqué en douane", "+33 7 00 00 00 02", T0.AddHours(3));

        Assert.True(a.NewCampaign);
        Assert.Equal((a.CampaignId, false), (b.CampaignId, b.NewCampaign));
        Assert.Equal(a.CampaignId, c.CampaignId); // joined through the link domain
        Assert.NotEqual(a.CampaignId, d.CampaignId);

        var campaign = await db.PhishingCampaigns.AsNoTracking().SingleAsync(x => x.Id == a.CampaignId);
        Assert.Equal(("expediteur:ameli-secure.com", 3, T0, T0.AddHours(2)), (campaign.Label, campaign.ReportCount, campaign.FirstSeen, campaign.LastSeen));
        Assert.Contains(await db.PhishingCampaignKeys.AsNoTracking().Where(k => k.CampaignId == a.CampaignId).Select(k => k.Key).ToListAsync(), k => k == "expediteur:tel:0600000001");
        Assert.Equal(4, await db.PhishingReports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ScriptInAReport_IsStoredAsTextUnchanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var stored = await ReportAsync(db, Hostile, "\"><script>@evil.example", T0);
        var row = await db.PhishingReports.AsNoTracking().SingleAsync(r => r.Id == stored.ReportId);
        Assert.Equal(Hostile, row.Text);
        Assert.Equal("\"><script>@evil.example", row.Sender);
    }

    [Fact]
    public async Task ColumnBounds_MatchTheLimitsCheckedAtTheEdge()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var db = database.NewContext();
        var report = db.Model.FindEntityType(typeof(PhishingReportRow))!;
        Assert.Equal(SuspiciousMessage.MaxText, report.FindProperty(nameof(PhishingReportRow.Text))!.GetMaxLength());
        Assert.Equal(SuspiciousMessage.MaxSender, report.FindProperty(nameof(PhishingReportRow.Sender))!.GetMaxLength());
        Assert.Equal(SuspiciousMessage.MaxHeaders, report.FindProperty(nameof(PhishingReportRow.Headers))!.GetMaxLength());
        Assert.Equal(CampaignKeys.MaxKeyLength, db.Model.FindEntityType(typeof(PhishingCampaignKeyRow))!.FindProperty(nameof(PhishingCampaignKeyRow.Key))!.GetMaxLength());
    }

    [Fact]
    public async Task OversizedText_IsRefusedByPostgres()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        await using var db = database.NewContext();
        var message = new SuspiciousMessage(new string('x', SuspiciousMessage.MaxText + 1), null, null);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => PhishingReports.StoreAsync(db, message, 0, ["texte:x"], null, T0, default));
    }
}
