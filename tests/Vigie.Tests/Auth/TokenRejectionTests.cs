using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Auth;

/// <summary>Every token failure answers 401 with WWW-Authenticate and an OperationOutcome; nothing else is served.</summary>
public sealed class TokenRejectionTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string SpecificSearch = "/fhir/Patient?family=DUPONT&birthdate=1980-05-17";

    private static async Task AssertUnauthorizedAsync(VigieTestServer server, string? token, string? expectedInHeader = "invalid_token")
    {
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, SpecificSearch, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        if (expectedInHeader is not null)
        {
            Assert.Contains(expectedInHeader, challenge, StringComparison.Ordinal);
        }

        Assert.NotNull(body);
        Assert.Equal(OperationOutcome.IssueType.Login, body.Issue[0].Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NoToken_Is401(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        await AssertUnauthorizedAsync(server, null, expectedInHeader: null);
    }

    [Fact]
    public async Task Metadata_IsPublic()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, statement) = await server.SendAsync<CapabilityStatement>(HttpMethod.Get, "/fhir/metadata", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(statement);
    }

    [Theory]
    [InlineData("/admin/duplicates")]
    [InlineData("/admin/break-the-glass")]
    [InlineData("/fhir/Patient/p-1")]
    [InlineData("/fhir/Observation/1")]
    public async Task EverythingElse_NeedsAToken(string url)
    {
        await using var server = await VigieTestServer.StartAsync();
        var response = await server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var token = await server.TokenForAsync(TestPrincipals.Physician, lifetime: TimeSpan.FromMinutes(2), now: DateTimeOffset.UtcNow.AddMinutes(-10));
        await AssertUnauthorizedAsync(server, token, "expired");
    }

    [Fact]
    public async Task NotYetValidToken_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var token = await server.TokenForAsync(TestPrincipals.Physician, now: DateTimeOffset.UtcNow.AddMinutes(10));
        await AssertUnauthorizedAsync(server, token, "not valid yet");
    }

    [Fact]
    public async Task WrongIssuer_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = TokenCrafter.Professional(TokenCrafter.ServerKey(server), "https://attacker.example/", "vigie", TestPrincipals.Physician, VigieTestServer.Finess, now, now.AddMinutes(5));
        await AssertUnauthorizedAsync(server, token, "issuer");
    }

    [Fact]
    public async Task WrongAudience_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = TokenCrafter.Professional(TokenCrafter.ServerKey(server), server.Issuer, "another-service", TestPrincipals.Physician, VigieTestServer.Finess, now, now.AddMinutes(5));
        await AssertUnauthorizedAsync(server, token, "audience");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadSignature_Is401(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var token = TokenCrafter.Professional(TokenCrafter.OtherKey(), server.Issuer, "vigie", TestPrincipals.Physician, VigieTestServer.Finess, now, now.AddMinutes(5));
        await AssertUnauthorizedAsync(server, token, "signature");
    }

    [Fact]
    public async Task TamperedPayload_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var parts = server.Tokens.Nurse.Split('.');
        var other = server.Tokens.Physician.Split('.');
        await AssertUnauthorizedAsync(server, parts[0] + "." + other[1] + "." + parts[2], "signature");
    }

    [Fact]
    public async Task AlgNone_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        await AssertUnauthorizedAsync(server, TokenCrafter.Unsigned(server.Tokens.Physician));
    }

    [Fact]
    public async Task HmacWithGuessedSecret_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        await AssertUnauthorizedAsync(server, TokenCrafter.Hmac(server, TestPrincipals.Physician));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnknownProfessional_Is401(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var token = TokenCrafter.Professional(TokenCrafter.ServerKey(server), server.Issuer, "vigie", "810001112225", VigieTestServer.Finess, now, now.AddMinutes(5));
        await AssertUnauthorizedAsync(server, token, "unknown professional");
    }

    [Fact]
    public async Task ProfessionalNotActiveInTheTokensEstablishment_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        // The physician is enabled at the CHU only; a token placing them at the other establishment grants nothing.
        var token = TokenCrafter.Professional(TokenCrafter.ServerKey(server), server.Issuer, "vigie", TestPrincipals.Physician, VigieTestServer.OtherFiness, now, now.AddMinutes(5));
        await AssertUnauthorizedAsync(server, token, "not active");
    }

    [Fact]
    public async Task DeactivatedProfessional_Is401_EvenWithAPreviouslyValidToken()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (before, _) = await server.SendAsync<Bundle>(HttpMethod.Get, SpecificSearch, server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await using (var db = server.Database.NewContext())
        {
            Assert.Equal(1, await Vigie.Auth.Professionals.DeactivateAsync(db, TestPrincipals.Physician, VigieTestServer.Finess, default));
        }

        await AssertUnauthorizedAsync(server, server.Tokens.Physician, "not active");
    }

    [Fact]
    public async Task UnknownSecurityOfficer_Is401()
    {
        await using var server = await VigieTestServer.StartAsync();
        await using (var db = server.Database.NewContext())
        {
            await Vigie.Auth.Professionals.DeactivateAsync(db, TestPrincipals.Officer, null, default);
        }

        var response = await server.As(server.Tokens.Officer).GetAsync("/admin/break-the-glass");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
