using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Testing;
using Vigie.Tests.Support;
using static Vigie.Tests.Portal.PortalFixture;

namespace Vigie.Tests.Portal;

/// <summary>"Report a suspicious message" over real HTTP, and the security team's view of the reports.</summary>
public sealed class ReportPortalTests
{
    private const string Phishing = "Bonjour, votre carte Vitale expire. Mettez-la à jour sur https://vitale-maj.fr/x?id=42 avant demain. Frais : 1,99 EUR.";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Report_IsStoredForTheSecurityTeam_AndGroupedIntoACampaign(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (first, body) = await PostAsync(server.Client, "/signaler", ("type", "sms"), ("expediteur", "+33 6 11 22 33 44"), ("texte", Phishing), ("entetes", ""));
        var (second, _) = await PostAsync(server.Client, "/signaler", ("type", "courriel"), ("expediteur", "Ameli <alerte@vitale-maj.fr>"), ("texte", "Autre texte, même site : http://www.vitale-maj.fr/y"),
            ("entetes", "Received: from mx.vitale-maj.fr\nSubject: Carte Vitale"));
        var (third, _) = await PostAsync(server.Client, "/signaler", ("type", "appel"), ("expediteur", ""), ("texte", "Un appel d'un faux conseiller bancaire au sujet d'un colis bloqué en douane."));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Contains("Votre signalement a été transmis", body, StringComparison.Ordinal);
        Assert.DoesNotContain("vitale-maj", body, StringComparison.Ordinal);

        var officer = server.As(server.Tokens.Officer);
        var reports = JsonDocument.Parse(await officer.GetStringAsync("/admin/phishing-reports")).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, reports.Count);
        var sms = reports.Single(r => r.GetProperty("medium").GetString() == "sms");
        Assert.Equal((Phishing, "+33 6 11 22 33 44"), (sms.GetProperty("text").GetString(), sms.GetProperty("sender").GetString()));
        Assert.Equal(32, sms.GetProperty("reporterIpHash").GetString()!.Length);
        Assert.Contains("Subject: Carte Vitale", reports.Single(r => r.GetProperty("medium").GetString() == "courriel").GetProperty("headers").GetString(), StringComparison.Ordinal);

        var campaigns = JsonDocument.Parse(await officer.GetStringAsync("/admin/campaigns")).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, campaigns.Count);
        var vitale = campaigns.Single(c => c.GetProperty("reportCount").GetInt32() == 2);
        Assert.Contains("lien:vitale-maj.fr", vitale.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        var byCampaign = JsonDocument.Parse(await officer.GetStringAsync($"/admin/phishing-reports?campaign={vitale.GetProperty("id").GetInt64()}")).RootElement;
        Assert.Equal(2, byCampaign.GetArrayLength());
    }

    [Fact]
    public async Task ScriptInAReport_IsStoredAsText_AndNeverRenderedUnescaped()
    {
        await using var server = await VigieTestServer.StartAsync();
        const string Script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
        var (response, body) = await PostAsync(server.Client, "/signaler", ("type", "courriel"), ("expediteur", "\"><script>alert(2)</script>"), ("texte", Script));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", body, StringComparison.Ordinal);
        await using (var db = server.Database.NewContext())
        {
            Assert.Equal(Script, (await db.PhishingReports.SingleAsync()).Text);
        }

        // The security team's API returns it as a JSON string with the HTML-significant characters escaped.
        var raw = await server.As(server.Tokens.Officer).GetStringAsync("/admin/phishing-reports");
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.Equal(Script, JsonDocument.Parse(raw).RootElement[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task HugeReportBody_Is413_AndNothingIsStored()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await PostAsync(server.Client, "/signaler", ("texte", new string('a', 300 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("dépasse 256 Kio", body, StringComparison.Ordinal);

        // The same with a chunked body (no Content-Length): counted while reading.
        using var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("texte=" + new string('b', 300 * 1024))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signaler") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await server.Client.SendAsync(request)).StatusCode);

        await using var db = server.Database.NewContext();
        Assert.Equal(0, await db.PhishingReports.CountAsync());
    }

    [Theory]
    [InlineData("texte", 20_001, "Le texte dépasse")]
    [InlineData("entetes", 32_001, "Les en-têtes dépassent")]
    [InlineData("expediteur", 321, "expéditeur dépasse")]
    public async Task FieldOverItsLimit_Is400_NamingTheField(string field, int length, string message)
    {
        await using var server = await VigieTestServer.StartAsync();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["texte"] = "court" };
        fields[field] = new string('x', length);
        var (response, body) = await PostAsync(server.Client, "/signaler", [.. fields.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportWithoutText_Is400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await PostAsync(server.Client, "/signaler", ("expediteur", "x@y.example"), ("texte", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Collez le texte du message suspect", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAsJson_Is415()
    {
        await using var server = await VigieTestServer.StartAsync();
        var response = await server.Client.PostAsync("/signaler", new StringContent("{\"texte\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task TooManyReports_FromOneClient_Are429()
    {
        await using var server = await VigieTestServer.StartAsync(settings: s => s with { Portal = s.Portal with { ReportPermits = 2 } });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(server.Client, "/signaler", ("texte", "un"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(server.Client, "/signaler", ("texte", "deux"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(server.Client, "/signaler", ("texte", "trois"))).Response.StatusCode);
    }

    [Fact]
    public async Task SecurityTeamApi_IsForSecurityOfficersOnly()
    {
        await using var server = await VigieTestServer.StartAsync();
        string[] paths = ["/admin/phishing-reports", "/admin/campaigns", "/admin/notifications?incident=inc-portal", "/admin/portal-answers"];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync(path)).StatusCode);

            // Identity-vigilance officers review accesses; phishing and incidents are the security officers' (Audit).
            foreach (var token in new[] { server.Tokens.Physician, server.Tokens.Vigilance, server.Tokens.SystemChu })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await server.As(token).GetAsync(path)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await server.As(server.Tokens.Officer).GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task NotificationCounts_ForAnIncident_AreListedForTheSecurityTeam()
    {
        await using var server = await VigieTestServer.StartAsync();
        await NotifyAsync(server, "p-1", NoticeChannel.Email, "…nt@");
        await NotifyAsync(server, "p-2", NoticeChannel.Sms, "…42", send: false);
        var counts = JsonDocument.Parse(await server.As(server.Tokens.Officer).GetStringAsync("/admin/notifications?incident=inc-portal")).RootElement;
        Assert.Equal("[{\"channel\":\"email\",\"status\":\"sent\",\"count\":1},{\"channel\":\"sms\",\"status\":\"pending\",\"count\":1}]", counts.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.As(server.Tokens.Officer).GetAsync("/admin/notifications?incident=bad%20id")).StatusCode);
    }
}
