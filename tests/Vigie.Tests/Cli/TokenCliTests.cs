using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;

namespace Vigie.Tests.Cli;

/// <summary>`vigie professional` and `vigie token` as real processes, their tokens used against a real server.</summary>
public sealed class TokenCliTests
{
    private const string Search = "/fhir/Patient?family=DUPONT&birthdate=1980-05-17";

    [Fact]
    public async Task ProfessionalAdd_ThenToken_IsAcceptedByTheServer()
    {
        await using var server = await VigieTestServer.StartAsync();
        var data = server.Settings.DataDirectory;
        var added = await VigieProcess.RunAsync("professional", "add", "--data", data, "--rpps", "10001112225", "--finess", VigieTestServer.Finess, "--profession", "60", "--name", "Infirmier CLI");
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Equal("810001112225", added.Stdout.Trim());

        var minted = await VigieProcess.RunAsync("token", "--data", data, "--issuer", server.Issuer, "--professional", "10001112225", "--lifetime", "2m");
        Assert.True(minted.ExitCode == 0, minted.Stderr);
        var (response, _) = await server.SendAsync<Bundle>(HttpMethod.Get, Search, minted.Stdout.Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stale = await VigieProcess.RunAsync("token", "--data", data, "--issuer", server.Issuer, "--professional", "10001112225", "--auth-age", "2h", "--acr", "basic");
        var (stepUp, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Search, stale.Stdout.Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, stepUp.StatusCode);
        Assert.Contains("insufficient_user_authentication", stepUp.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var deactivated = await VigieProcess.RunAsync("professional", "deactivate", "--data", data, "--rpps", "10001112225");
        Assert.Equal(0, deactivated.ExitCode);
        var (refused, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Search, minted.Stdout.Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task SystemAndOfficerTokens_AreAccepted()
    {
        await using var server = await VigieTestServer.StartAsync();
        var data = server.Settings.DataDirectory;
        var system = await VigieProcess.RunAsync("token", "--data", data, "--issuer", server.Issuer, "--system", VigieTestServer.Finess);
        Assert.True(system.ExitCode == 0, system.Stderr);
        var (created, _) = await server.SendAsync<Patient>(HttpMethod.Post, "/fhir/Patient", system.Stdout.Trim(), VigieTestServer.Json(Patients.Make("CLI-1")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(0, (await VigieProcess.RunAsync("professional", "add-officer", "--data", data, "--name", "bob")).ExitCode);
        var officer = await VigieProcess.RunAsync("token", "--data", data, "--issuer", server.Issuer, "--security-officer", "bob");
        Assert.True(officer.ExitCode == 0, officer.Stderr);
        Assert.Equal(HttpStatusCode.OK, (await server.As(officer.Stdout.Trim()).GetAsync("/admin/break-the-glass")).StatusCode);
    }

    [Theory]
    [InlineData("--professional", "10001112225")]
    [InlineData("--system", "590780194")]
    [InlineData("--security-officer", "nobody")]
    public async Task Token_ForSomeoneUnknown_FailsClearly(string option, string value)
    {
        await using var server = await VigieTestServer.StartAsync();
        var result = await VigieProcess.RunAsync("token", "--data", server.Settings.DataDirectory, option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout.Trim());
    }

    [Fact]
    public async Task Serve_WithBuiltInProviderOnANetworkAddress_RefusesToStart()
    {
        await using var server = await VigieTestServer.StartAsync();
        var result = await VigieProcess.RunAsync("serve", "--data", server.Settings.DataDirectory, "--builtin-idp", "--urls", "http://0.0.0.0:0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refuses to listen", result.Stderr, StringComparison.Ordinal);
    }
}
