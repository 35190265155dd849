using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Auth;

/// <summary>Reading a patient outside one's establishments: a declared purpose, recorded with the request context, listed for review.</summary>
public sealed class BreakTheGlassTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>A patient known only at the other establishment; the CHU physician is outside.</summary>
    private static async Task<(VigieTestServer Server, string Id)> WithOutsidePatientAsync(string provider, Func<Vigie.Hosting.VigieSettings, Vigie.Hosting.VigieSettings>? settings = null)
    {
        var server = await VigieTestServer.StartAsync(provider, settings: settings);
        var (_, created) = await server.CreateAsync(Patients.Make("O-1", system: VigieTestServer.OtherIppSystem));
        return (server, created!.Id);
    }

    [Fact]
    public async Task OutsidePatient_WithoutPurpose_Is403SayingHow()
    {
        var (server, id) = await WithOutsidePatientAsync(TestDatabase.Sqlite);
        await using var _ = server;
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Vigie-Purpose", body!.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsidePatient_WithUnknownPurpose_Is403()
    {
        var (server, id) = await WithOutsidePatientAsync(TestDatabase.Sqlite);
        await using var _ = server;
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Physician, headers: h => h.Add("X-Vigie-Purpose", "CURIOSITY"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OwnEstablishmentsPatient_NeedsNoPurpose()
    {
        var (server, id) = await WithOutsidePatientAsync(TestDatabase.Sqlite);
        await using var _ = server;
        var (response, _) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.BreakTheGlass.Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OutsidePatient_WithPurpose_IsServedRecordedAndListed(string provider)
    {
        var (server, id) = await WithOutsidePatientAsync(provider);
        await using var _ = server;
        var (response, patient) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Physician, headers: h =>
        {
            h.Add("X-Vigie-Purpose", "ETREAT");
            h.Add("X-Vigie-Purpose-Reason", Uri.EscapeDataString("patient inconscient aux urgences, identité à vérifier"));
            h.UserAgent.ParseAdd("DPI-Urgences/4.2");
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(patient!.Telecom);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var list = await server.As(server.Tokens.Officer).GetFromJsonAsync<JsonElement>("/admin/break-the-glass");
        var line = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, line.GetProperty("patientId").GetString());
        Assert.Equal(TestPrincipals.Physician, line.GetProperty("subject").GetString());
        Assert.Equal(VigieTestServer.Finess, line.GetProperty("establishments").GetString());
        Assert.Equal("ETREAT", line.GetProperty("purposeCode").GetString());
        Assert.Equal("patient inconscient aux urgences, identité à vérifier", line.GetProperty("reason").GetString());
        Assert.Equal(requestId, line.GetProperty("requestId").GetString());
        Assert.Equal("127.0.0.1", line.GetProperty("clientIp").GetString());
        Assert.Equal("DPI-Urgences/4.2", line.GetProperty("userAgent").GetString());
        Assert.False(string.IsNullOrEmpty(line.GetProperty("session").GetString()));

        var reviewed = await server.As(server.Tokens.Officer).PostAsync($"/admin/break-the-glass/{line.GetProperty("id").GetInt64()}/reviewed", null);
        Assert.Equal(HttpStatusCode.NoContent, reviewed.StatusCode);
        var pending = await server.As(server.Tokens.Officer).GetFromJsonAsync<JsonElement>("/admin/break-the-glass?pending=true");
        Assert.Empty(pending.EnumerateArray());
        var all = await server.As(server.Tokens.Officer).GetFromJsonAsync<JsonElement>("/admin/break-the-glass");
        Assert.Equal("officer:alice", all[0].GetProperty("reviewedBy").GetString());
    }

    [Fact]
    public async Task BreakTheGlass_WithStaleSignIn_AsksForStepUp()
    {
        var (server, id) = await WithOutsidePatientAsync(TestDatabase.Sqlite);
        await using var _ = server;
        var stale = await server.TokenForAsync(TestPrincipals.Physician, authAge: TimeSpan.FromMinutes(30));
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/" + id, stale, headers: h => h.Add("X-Vigie-Purpose", "ETREAT"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_user_authentication\"", challenge, StringComparison.Ordinal);
        Assert.Contains("max_age=600", challenge, StringComparison.Ordinal);
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.BreakTheGlass.Count());
    }

    [Fact]
    public async Task ClientIp_ComesFromXForwardedFor_OnlyThroughATrustedProxy()
    {
        var (untrusted, id) = await WithOutsidePatientAsync(TestDatabase.Sqlite);
        await using (untrusted)
        {
            await ReadWithPurposeAsync(untrusted, id, "203.0.113.9");
            Assert.Equal("127.0.0.1", await LastIpAsync(untrusted));
        }

        var (trusted, id2) = await WithOutsidePatientAsync(TestDatabase.Sqlite, s => s with { Auth = s.Auth with { TrustedProxies = ["127.0.0.1"] } });
        await using (trusted)
        {
            // The client may have put anything on the left: the address the trusted proxy saw is the rightmost.
            await ReadWithPurposeAsync(trusted, id2, "10.9.9.9, 203.0.113.9");
            Assert.Equal("203.0.113.9", await LastIpAsync(trusted));
        }
    }

    private static async Task ReadWithPurposeAsync(VigieTestServer server, string id, string forwardedFor)
    {
        var (response, _) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Physician, headers: h =>
        {
            h.Add("X-Vigie-Purpose", "TREAT");
            h.Add("X-Forwarded-For", forwardedFor);
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string?> LastIpAsync(VigieTestServer server)
    {
        await using var db = server.Database.NewContext();
        return db.BreakTheGlass.OrderByDescending(b => b.Id).First().ClientIp;
    }
}
