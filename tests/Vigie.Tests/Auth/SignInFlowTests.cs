using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigie.Tests.Support;

namespace Vigie.Tests.Auth;

/// <summary>
/// The built-in provider end to end over real HTTP, as a browser and a web client would: authorization code with
/// PKCE, the demo sign-in page (with its antiforgery token and session cookie), code redemption, a call to the
/// FHIR API with the access token, refresh, and a max_age step-up that forces a new sign-in.
/// </summary>
public sealed partial class SignInFlowTests
{
    private sealed record Browser(HttpClient Http, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }

    private static Browser NewBrowser(VigieTestServer server)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new Browser(new HttpClient(handler) { BaseAddress = server.Client.BaseAddress }, cookies);
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string AuthorizeUrl(string challenge, string state, int? maxAge = null) =>
        "/connect/authorize?client_id=vigie-web&response_type=code&scope=" + Uri.EscapeDataString("openid scope_all offline_access")
        + "&redirect_uri=" + Uri.EscapeDataString(VigieTestServer.RedirectUri) + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=" + state
        + (maxAge is { } m ? "&max_age=" + m : "");

    /// <summary>Follows authorize → sign-in page → form post → authorize → redirect with the code.</summary>
    private static async Task<string> SignInAndGetCodeAsync(Browser browser, string authorizeUrl, string professional, bool expectSignInPage = true)
    {
        var authorize = await browser.Http.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!.OriginalString;
        if (expectSignInPage)
        {
            Assert.StartsWith("/idp/signin", location, StringComparison.Ordinal);
            var page = await browser.Http.GetStringAsync(location);
            Assert.Contains(professional, page, StringComparison.Ordinal);
            var form = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = HiddenField().Match(page).Groups[1].Value,
                ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value),
                ["professional"] = professional,
            };
            var posted = await browser.Http.PostAsync("/idp/signin", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var back = await browser.Http.GetAsync(posted.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            location = back.Headers.Location!.OriginalString;
        }

        Assert.StartsWith(VigieTestServer.RedirectUri, location, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(location).Query);
        return query["code"].ToString();
    }

    private static async Task<JsonElement> RedeemAsync(Browser browser, Dictionary<string, string> form)
    {
        var response = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_GivesATokenTheApiAccepts_AndRefreshWorks()
    {
        await using var server = await VigieTestServer.StartAsync();
        using var browser = NewBrowser(server);

        var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(server.Issuer, discovery.GetProperty("issuer").GetString());

        var (verifier, challenge) = Pkce();
        var code = await SignInAndGetCodeAsync(browser, AuthorizeUrl(challenge, "s1"), TestPrincipals.Physician);
        var tokens = await RedeemAsync(browser, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = VigieTestServer.RedirectUri,
            ["client_id"] = "vigie-web", ["code_verifier"] = verifier,
        });
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.InRange(tokens.GetProperty("expires_in").GetInt32(), 60, 120);

        // Pro Santé Connect's shape: SubjectNameID and SubjectRefPro.exercices[].activities[].
        var jwt = new JsonWebToken(access);
        Assert.Equal(TestPrincipals.Physician, jwt.GetClaim("SubjectNameID").Value);
        Assert.Contains(VigieTestServer.Finess, jwt.GetClaim("SubjectRefPro").Value, StringComparison.Ordinal);
        Assert.Equal("eidas1", jwt.GetClaim("acr").Value);
        Assert.Equal("ES256", jwt.Alg);

        var (response, _) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", access);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var refreshed = await RedeemAsync(browser, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!, ["client_id"] = "vigie-web",
        });
        var (again, _) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", refreshed.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task WrongCodeVerifier_IsRefused()
    {
        await using var server = await VigieTestServer.StartAsync();
        using var browser = NewBrowser(server);
        var (_, challenge) = Pkce();
        var code = await SignInAndGetCodeAsync(browser, AuthorizeUrl(challenge, "s2"), TestPrincipals.Nurse);
        var response = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = VigieTestServer.RedirectUri,
            ["client_id"] = "vigie-web", ["code_verifier"] = Pkce().Verifier,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SecondAuthorize_ReusesTheSession_UnlessMaxAgeAsksForAFreshSignIn()
    {
        await using var server = await VigieTestServer.StartAsync();
        using var browser = NewBrowser(server);
        await SignInAndGetCodeAsync(browser, AuthorizeUrl(Pkce().Challenge, "s3"), TestPrincipals.Admission);

        // Within the session: straight back to the client.
        await SignInAndGetCodeAsync(browser, AuthorizeUrl(Pkce().Challenge, "s4"), TestPrincipals.Admission, expectSignInPage: false);

        // Step-up (RFC 9470): a session older than max_age (plus the 2 s sign-in round trip) means signing in again.
        await Task.Delay(3500);
        await SignInAndGetCodeAsync(browser, AuthorizeUrl(Pkce().Challenge, "s5", maxAge: 1), TestPrincipals.Admission);
    }

    [Fact]
    public async Task SignInForm_WithoutAntiforgeryToken_IsRefused()
    {
        await using var server = await VigieTestServer.StartAsync();
        using var browser = NewBrowser(server);
        var response = await browser.Http.PostAsync("/idp/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["professional"] = TestPrincipals.Physician, ["returnUrl"] = "/connect/authorize?client_id=vigie-web",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
