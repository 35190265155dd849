using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Vigie.Core.Journal;
using Vigie.Storage.Detection;
using Vigie.Tests.Journal;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Detection;

/// <summary>
/// Containment as every node enforces it: a suspended account or session is refused before any endpoint runs, the
/// rest of the establishment keeps working, and a security officer can suspend and release through the API.
/// </summary>
public sealed class ContainmentApiTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Search = "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17";

    private static async Task<HttpStatusCode> SearchAsync(VigieTestServer server, string token) =>
        (await server.SendAsync<Resource>(HttpMethod.Get, Search, token)).Response.StatusCode;

    private static async Task<HttpResponseMessage> PostAsync(VigieTestServer server, string url, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await server.Client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OfficerSuspendsAnAccount_OnlyThatProfessionalIsRefused_UntilReleased(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Physician));

        var suspend = await PostAsync(server, $"/admin/professionals/{TestPrincipals.Physician}/suspend", server.Tokens.Officer, new { reason = "compte usurpé signalé par le médecin" });
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, await SearchAsync(server, server.Tokens.Physician));
        Assert.Equal(HttpStatusCode.Forbidden, await SearchAsync(server, await server.TokenForAsync(TestPrincipals.Physician)));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Nurse));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Admission));

        var state = await StateAsync(server);
        Assert.Equal("account-suspended", state.GetProperty("state").GetString());
        Assert.Contains("officer:compte usurpé", state.GetProperty("containments")[0].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        var release = await PostAsync(server, $"/admin/professionals/{TestPrincipals.Physician}/release", server.Tokens.Officer, new { });
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Physician));
        Assert.Equal("active", (await StateAsync(server)).GetProperty("state").GetString());

        var journal = await JournalReader.EntriesAsync(server);
        Assert.Contains(journal, e => e.Action == JournalAction.Containment && e.Query!.Contains(TestPrincipals.Physician, StringComparison.Ordinal) && e.Actor.ProfessionalId == "officer:" + TestPrincipals.Officer);
        Assert.Contains(journal, e => e.Action == JournalAction.ContainmentRelease && e.Actor.ProfessionalId == "officer:" + TestPrincipals.Officer);
        Assert.Equal(2, journal.Count(e => e.Outcome == JournalOutcome.DeniedByRisk && e.Actor.ProfessionalId == TestPrincipals.Physician));
    }

    [Fact]
    public async Task SuspendedSession_IsRefused_WhileTheSameAccountsOtherSessionWorks()
    {
        await using var server = await VigieTestServer.StartAsync();
        var attacker = await server.TokenForAsync(TestPrincipals.Physician);
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, attacker));
        var session = (await JournalReader.EntriesAsync(server, JournalAction.Search)).Last().Request.Session!;
        await using (var db = server.Database.NewContext())
        {
            db.Containments.Add(new ContainmentRow { Scope = 0, ProfessionalId = TestPrincipals.Physician, Session = session, SuspendedAt = DateTimeOffset.UtcNow, Reasons = "volume.session", SuspendedBy = "engine", Enforced = true });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, await SearchAsync(server, attacker));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Physician));
        Assert.Equal("session-suspended", (await StateAsync(server)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ReportOnlyContainment_IsRecordedButNotEnforced()
    {
        await using var server = await VigieTestServer.StartAsync();
        await using (var db = server.Database.NewContext())
        {
            db.Containments.Add(new ContainmentRow { Scope = 1, ProfessionalId = TestPrincipals.Physician, SuspendedAt = DateTimeOffset.UtcNow, Reasons = "volume.account", SuspendedBy = "engine", Enforced = false });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(server, server.Tokens.Physician));
    }

    [Fact]
    public async Task ContainmentApi_IsForSecurityOfficersOnly_AndRefusesBadInput()
    {
        await using var server = await VigieTestServer.StartAsync();
        foreach (var token in new[] { server.Tokens.Physician, server.Tokens.Vigilance, server.Tokens.SystemChu })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(server, "/admin/alerts", token));
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(server, $"/admin/professionals/{TestPrincipals.Nurse}/suspend", token, new { reason = "x" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(server, $"/admin/professionals/{TestPrincipals.Nurse}/suspend", server.Tokens.Officer, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(server, "/admin/professionals/12/suspend", server.Tokens.Officer, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(server, $"/admin/professionals/{TestPrincipals.Nurse}/release", server.Tokens.Officer, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(server, "/admin/alerts", server.Tokens.Officer));
    }

    private static async Task<HttpStatusCode> GetStatusAsync(VigieTestServer server, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonElement> StateAsync(VigieTestServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/professionals/" + TestPrincipals.Physician);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.Tokens.Officer);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
