using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Incidents;

/// <summary>/admin/incidents through real HTTP with real tokens: security officers only; scope, drafts, report and CSV.</summary>
public sealed class IncidentApiTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static object OpenBody(string? alert = null) => new
    {
        title = "Extraction par script depuis un compte compromis",
        from = RecordedAttack.Window.From,
        to = RecordedAttack.Window.To,
        detectedAt = RecordedAttack.Start.AddDays(2),
        alertId = alert,
        sessions = new[] { RecordedAttack.EvilSession1, RecordedAttack.EvilSession2 },
    };

    [Fact]
    public async Task Incidents_AreRefusedToEveryoneButSecurityOfficers()
    {
        await using var server = await VigieTestServer.StartAsync();
        foreach (var token in new[] { server.Tokens.Physician, server.Tokens.Vigilance, server.Tokens.Admission, server.Tokens.SystemChu })
        {
            var client = server.As(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/incidents")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/admin/incidents", OpenBody())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/incidents/1/affected.csv")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/admin/incidents/1/scope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.As(server.Tokens.Officer).GetAsync("/admin/incidents")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Officer_OpensAnIncident_AndItsScopeIsWhatTheAttackerReceived_WithProofsAndPivots(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var attack = await IncidentData.WriteAsync(server.Database, server);
        var officer = server.As(server.Tokens.Officer);

        var opened = await officer.PostAsJsonAsync("/admin/incidents", OpenBody("alert-42"));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("/admin/incidents/" + id, opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/admin/incidents", OpenBody("alert-42"))).StatusCode);

        var scope = await officer.GetFromJsonAsync<JsonElement>($"/admin/incidents/{id}/scope");
        var expected = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2);
        var patients = scope.GetProperty("patients").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => string.Join('+', p.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(expected.Keys.Order(), patients.Keys.Order());
        Assert.All(expected, e => Assert.Equal(Core.Incidents.FrenchText.CategoryCodes(e.Value), patients[e.Key]));
        Assert.True(scope.GetProperty("integrity").GetProperty("exact").GetBoolean());
        var proofs = scope.GetProperty("proofs").EnumerateArray().ToList();
        Assert.Equal(scope.GetProperty("entries").GetArrayLength(), proofs.Count);
        Assert.All(proofs, p => Assert.True(p.GetProperty("verified").GetBoolean()));
        Assert.Contains(scope.GetProperty("pivots").GetProperty("candidates").EnumerateArray(), c => c.GetProperty("account").GetString() == RecordedAttack.Accomplice);
    }

    [Fact]
    public async Task Declarations_CarryTheCounts_TheDpoAndTheClock()
    {
        await using var server = await VigieTestServer.StartAsync();
        var attack = await IncidentData.WriteAsync(server.Database, server);
        var officer = server.As(server.Tokens.Officer);
        var id = (await (await officer.PostAsJsonAsync("/admin/incidents", OpenBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var drafts = await officer.GetFromJsonAsync<JsonElement>($"/admin/incidents/{id}/declarations");

        var people = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2).Count;
        Assert.Equal(people, drafts.GetProperty("cnil").GetProperty("people").GetInt32());
        Assert.Equal(people, drafts.GetProperty("healthIncident").GetProperty("people").GetInt32());
        Assert.True(drafts.GetProperty("cnil").GetProperty("clock").GetProperty("overdue").GetBoolean(), "detected in March 2026, read by the real clock later");
        Assert.Contains(@"\[dpo@organisme.fr\]", drafts.GetProperty("markdown").GetProperty("cnil").GetString(), StringComparison.Ordinal);
        Assert.Contains("Échéance des 72 heures dépassée", drafts.GetProperty("markdown").GetProperty("healthIncident").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_IsSelfContainedFrenchHtml_WithHostileNamesEncoded()
    {
        await using var server = await VigieTestServer.StartAsync();
        await IncidentData.WriteAsync(server.Database, server);
        var officer = server.As(server.Tokens.Officer);
        var id = (await (await officer.PostAsJsonAsync("/admin/incidents", OpenBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var response = await officer.GetAsync($"/admin/incidents/{id}/report.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;vol&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://evil.example\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains(RecordedAttack.Accomplice, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AffectedCsv_GuardsFormulaCells_AndListsEveryPersonOnce()
    {
        await using var server = await VigieTestServer.StartAsync();
        var attack = await IncidentData.WriteAsync(server.Database, server);
        var officer = server.As(server.Tokens.Officer);
        var id = (await (await officer.PostAsJsonAsync("/admin/incidents", OpenBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var response = await officer.GetAsync($"/admin/incidents/{id}/affected.csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("identifiant;nom_naissance;", lines[0], StringComparison.Ordinal);
        Assert.Equal(attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2).Count, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(";\"'=HYPERLINK(\"\"http://evil.example\"\")\";", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(";=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";courriel+sms;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";aucun;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPatientShownToTheOfficer_IsJournaledBeforeTheAnswer()
    {
        await using var server = await VigieTestServer.StartAsync();
        var attack = await IncidentData.WriteAsync(server.Database, server);
        var officer = server.As(server.Tokens.Officer);
        var id = (await (await officer.PostAsJsonAsync("/admin/incidents", OpenBody())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/admin/incidents/{id}/scope?proofs=false")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/admin/incidents/{id}/affected.csv")).StatusCode);

        var key = server.Services.GetRequiredService<JournalSigningKey>();
        await using var db = server.Database.NewContext();
        var journaled = (await JournalQueries.SearchAsync(db, new JournalSearch(ProfessionalId: "officer:" + TestPrincipals.Officer, Limit: 10_000), key.SealKey, default))
            .Select(r => r.Entry).ToList();
        var expected = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2).Keys.Order().ToList();
        var scope = journaled.Where(e => e.Action == JournalAction.AuditQuery && e.Query == $"incident={id};view=scope").ToList();
        Assert.Equal(expected, scope.Select(e => e.Patient!.Value.Value).Order());
        Assert.All(scope, e => Assert.Equal(DisclosedData.Identity, e.Disclosed));
        Assert.Equal(expected, journaled.Where(e => e.Action == JournalAction.AuditExport && e.Query == $"incident={id};view=affected.csv").Select(e => e.Patient!.Value.Value).Order());
    }

    [Fact]
    public async Task BadInput_GetsAClear4xx()
    {
        await using var server = await VigieTestServer.StartAsync();
        var officer = server.As(server.Tokens.Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/admin/incidents/INC-x/scope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/admin/incidents/INC-99/report.html")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/admin/incidents", new { title = "x", from = RecordedAttack.Start, to = RecordedAttack.Start.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/admin/incidents", new { title = "x", from = RecordedAttack.Start, to = RecordedAttack.Start, accounts = new[] { "810007654329" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/admin/incidents/1/status", new { status = "nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync("/admin/incidents/1/status", new { status = "contained" })).StatusCode);
    }
}
