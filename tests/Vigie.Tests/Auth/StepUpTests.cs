using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;

namespace Vigie.Tests.Auth;

/// <summary>RFC 9470: insufficient_user_authentication with acr_values and max_age; a strong, fresh sign-in passes.</summary>
public sealed class StepUpTests
{
    private const string Search = "/fhir/Patient?family=DUPONT&birthdate=1980-05-17";

    [Theory]
    [InlineData(null)]
    [InlineData("basic")]
    public async Task WeakAcr_Is401InsufficientUserAuthentication_WithAcrValues(string? acr)
    {
        await using var server = await VigieTestServer.StartAsync();
        var token = await server.TokenForAsync(TestPrincipals.Physician, acr: acr);
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, Search, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer error=\"insufficient_user_authentication\"", challenge, StringComparison.Ordinal);
        Assert.Contains("acr_values=\"eidas1\"", challenge, StringComparison.Ordinal);
        Assert.NotNull(body);
    }

    [Theory]
    [InlineData("eidas1")]
    [InlineData("eidas3")]
    public async Task SufficientAcr_Passes(string acr)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, _) = await server.SendAsync<Bundle>(HttpMethod.Get, Search, await server.TokenForAsync(TestPrincipals.Physician, acr: acr));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Merge_WithOldSignIn_AsksForMaxAge_FreshSignInPasses()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, a) = await server.CreateAsync(Patients.Make("A1"));
        var (_, b) = await server.CreateAsync(Patients.Make("B1", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female));
        var merge = new { source = b!.Id, target = a!.Id };

        using var stale = new HttpRequestMessage(HttpMethod.Post, "/admin/merges") { Content = JsonContent.Create(merge) };
        stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenForAsync(TestPrincipals.Vigilance, authAge: TimeSpan.FromMinutes(20)));
        var refused = await server.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var challenge = refused.Headers.WwwAuthenticate.ToString();
        Assert.Contains("insufficient_user_authentication", challenge, StringComparison.Ordinal);
        Assert.Contains("max_age=900", challenge, StringComparison.Ordinal);

        var fresh = await server.TokenForAsync(TestPrincipals.Vigilance, authAge: TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await server.As(fresh).PostAsJsonAsync("/admin/merges", merge)).StatusCode);
    }
}
