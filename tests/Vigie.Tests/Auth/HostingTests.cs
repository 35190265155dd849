using System.Net;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Vigie.Auth;
using Vigie.Hosting;
using Vigie.Tests.Support;

namespace Vigie.Tests.Auth;

/// <summary>How sign-in is wired: outside issuers by discovery, deny by default, the built-in provider's guard rails.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task OutsideIssuer_IsTrustedThroughDiscoveryAndItsJwks()
    {
        // Server A plays Pro Santé Connect; server B trusts it only through its discovery document and JWKS.
        await using var issuer = await VigieTestServer.StartAsync();
        await using var resource = await VigieTestServer.StartAsync(settings: s => s with
        {
            Auth = s.Auth with { BuiltInProvider = false, TrustedIssuers = [new TrustedIssuer(issuer.Issuer, "vigie", RequireHttpsMetadata: false)] },
        });
        var token = issuer.Tokens.Physician; // Minted with A's key; B's own data directory holds another key.
        var (response, _) = await resource.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Tokens of an issuer B does not trust (its own built-in key, now off) are refused.
        var (refused, _) = await resource.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", resource.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task EveryEndpoint_DeclaresAnAccessActionOrIsPublic()
    {
        await using var server = await VigieTestServer.StartAsync();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<AccessEndpointFilter.AccessActionMetadata>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(undeclared);
        var publicOnes = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!).ToList();
        string[] portal = ["/verifier", "/signaler", "/portail.css"]; // The public verification portal (docs/decisions/0008-notices.md).
        string[] assets = ["/tableau-de-bord/tableau.css", "/tableau-de-bord/tableau.js"]; // The dashboard's style and script: no data (docs/decisions/0011-dashboard.md).
        Assert.All(publicOnes, p => Assert.True(p.EndsWith("/metadata", StringComparison.Ordinal) || p.StartsWith("/connect/", StringComparison.Ordinal) || p.StartsWith("/idp/", StringComparison.Ordinal)
            || portal.Contains(p) || assets.Contains(p), p));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.0.2.10:5080")]
    public void BuiltInProvider_RefusesNonLoopbackAddresses(string urls)
    {
        var settings = new VigieSettings { Urls = urls, Auth = new AuthSettings { BuiltInProvider = true } };
        var error = Assert.Throws<InvalidOperationException>(() => Vigie.Auth.BuiltIn.BuiltInProvider.CheckListeningAddresses(settings));
        Assert.Contains("--builtin-idp-allow-remote", error.Message, StringComparison.Ordinal);
        Vigie.Auth.BuiltIn.BuiltInProvider.CheckListeningAddresses(settings with { Auth = settings.Auth with { BuiltInAllowNonLoopback = true } });
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void BuiltInProvider_AcceptsLoopback(string urls) =>
        Vigie.Auth.BuiltIn.BuiltInProvider.CheckListeningAddresses(new VigieSettings { Urls = urls, Auth = new AuthSettings { BuiltInProvider = true } });

    [Fact]
    public void WithoutAnyTrustedIssuer_TheServerDoesNotStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VigieWebApp.Create(new VigieSettings { DataDirectory = Path.GetTempPath() }));
        Assert.Contains("--builtin-idp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesItsRequestId()
    {
        await using var server = await VigieTestServer.StartAsync();
        var response = await server.Client.GetAsync("/fhir/metadata");
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Request-Id").Single()));
    }
}
