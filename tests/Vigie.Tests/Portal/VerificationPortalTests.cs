using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigie.Core.Notices;
using Vigie.Tests.Support;
using static Vigie.Tests.Portal.PortalFixture;

namespace Vigie.Tests.Portal;

/// <summary>The public verification page over real HTTP: every outcome, and what it never shows.</summary>
public sealed partial class VerificationPortalTests
{
    public static TheoryData<string> Providers => Vigie.Testing.TestDatabase.Providers;

    [Fact]
    public async Task GenuineReference_ShowsTheDateTheChannelAndTheMaskedAddress_Only()
    {
        await using var server = await VigieTestServer.StartAsync();
        var reference = await NotifyAsync(server, "p-genuine", NoticeChannel.Email, "…nt@");

        // Typed the way people type: lower case, spaces instead of hyphens.
        var (response, body) = await PostAsync(server.Client, "/verifier", ("reference", reference.ToString().ToLowerInvariant().Replace('-', ' ')));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce message est authentique", body, StringComparison.Ordinal);
        Assert.Contains("le 20 septembre 2025, par courriel, à une adresse dont la partie avant « @ » se termine par « nt »", body, StringComparison.Ordinal);
        Assert.DoesNotContain("p-genuine", body, StringComparison.Ordinal);
        Assert.DoesNotContain(reference.ToString(), body, StringComparison.Ordinal);
        Assert.Contains("action=\"/signaler\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoticeChannel.Sms, "…42", "par SMS, au numéro se terminant par 42")]
    [InlineData(NoticeChannel.Letter, null, "par courrier postal")]
    public async Task GenuineReference_NamesItsChannel(NoticeChannel channel, string? mask, string expected)
    {
        await using var server = await VigieTestServer.StartAsync();
        var reference = await NotifyAsync(server, "p-" + channel, channel, mask);
        var (response, body) = await PostAsync(server.Client, "/verifier", ("reference", reference.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryAnswer_IsRecordedForTheSecurityTeam_AsIdsAndCountsOnly(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var genuine = await NotifyAsync(server, "p-genuine", NoticeChannel.Email, "…nt@");
        var unsent = await NotifyAsync(server, "p-unsent", NoticeChannel.Email, null, send: false);
        var unknown = VerificationReference.Generate(new Random(7).NextBytes);
        foreach (var typed in new[] { genuine.ToString(), genuine.ToString().ToLowerInvariant(), unsent.ToString(), unknown.ToString(), "ABCD", "" })
        {
            await PostAsync(server.Client, "/verifier", ("reference", typed));
        }

        var raw = await server.As(server.Tokens.Officer).GetStringAsync("/admin/portal-answers");
        var answers = JsonDocument.Parse(raw).RootElement;
        var outcomes = answers.GetProperty("outcomes").EnumerateArray()
            .Select(o => (o.GetProperty("outcome").GetString(), o.GetProperty("problem").GetString(), o.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("genuine", null, 2), ("unknown", null, 1), ("unsent", null, 1), ("malformed", "empty", 1), ("malformed", "length", 1)], outcomes);
        var incident = Assert.Single(answers.GetProperty("genuineByIncident").EnumerateArray());
        Assert.Equal(("inc-portal", 2, 1), (incident.GetProperty("incident").GetString(), incident.GetProperty("verifications").GetInt32(), incident.GetProperty("notifications").GetInt32()));

        // Nothing typed, no reference, no patient, no address.
        foreach (var secret in new[] { genuine.ToString(), unsent.ToString(), unknown.ToString(), "p-genuine", "127.0.0.1" })
        {
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UnknownReference_IsNotGenuine_WithPhishingAdviceAndAReportButton_AndLooksExactlyLikeAnUnsentOne()
    {
        await using var server = await VigieTestServer.StartAsync();
        var unsent = await NotifyAsync(server, "p-unsent", NoticeChannel.Email, null, send: false);
        var unknown = VerificationReference.Generate(new Random(123).NextBytes);

        var (response, body) = await PostAsync(server.Client, "/verifier", ("reference", unknown.ToString()));
        var (unsentResponse, unsentBody) = await PostAsync(server.Client, "/verifier", ("reference", unsent.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nous n'avons envoyé aucun message avec cette référence", body, StringComparison.Ordinal);
        Assert.Contains("Ne donnez ni mot de passe, ni coordonnées bancaires", body, StringComparison.Ordinal);
        Assert.Matches("<form method=\"get\" action=\"/signaler\"[^>]*><button type=\"submit\">Signaler ce message</button></form>", body);
        Assert.Equal((response.StatusCode, body), (unsentResponse.StatusCode, unsentBody));
    }

    [Theory]
    [InlineData("", "Saisissez la référence")]
    [InlineData("ABCD-EFGH", "17 lettres et chiffres")]
    [InlineData("<script>alert('x')</script>", "que des lettres et des chiffres")]
    [InlineData("\"><img src=x onerror=alert(1)>", "que des lettres et des chiffres")]
    public async Task MalformedReference_IsAClear400_ThatDoesNotEchoTheInput(string typed, string reason)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await PostAsync(server.Client, "/verifier", ("reference", typed));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", body, StringComparison.Ordinal);
        if (typed.Length > 0)
        {
            Assert.DoesNotContain(typed, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Core.Notices.HtmlText.Encode(typed), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReferenceWithATypo_IsRefusedAsMalformed_NotLookedUp()
    {
        await using var server = await VigieTestServer.StartAsync();
        var reference = await NotifyAsync(server, "p-typo", NoticeChannel.Email, "…nt@");
        var text = reference.Canonical;
        var typo = (text[3] == 'A' ? "B" : "A") is var c ? text[..3] + c + text[4..] : text;
        var (response, body) = await PostAsync(server.Client, "/verifier", ("reference", typo));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("faute de frappe", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyVerifications_FromOneClient_Are429_WithRetryAfter()
    {
        await using var server = await VigieTestServer.StartAsync(settings: s => s with { Portal = s.Portal with { VerifyPermits = 3, VerifyWindow = TimeSpan.FromHours(1) } });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(server.Client, "/verifier", ("reference", VerificationReference.Generate(new Random(i).NextBytes).ToString()))).Response.StatusCode);
        }

        var (limited, body) = await PostAsync(server.Client, "/verifier", ("reference", "x"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("Trop de demandes", body, StringComparison.Ordinal);
        Assert.Equal(PortalPageHeaders.Csp, limited.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task BehindATrustedProxy_EachForwardedClientHasItsOwnLimit_AndAnIpv6ClientCountsPerPrefix()
    {
        await using var server = await VigieTestServer.StartAsync(settings: s => s with
        {
            Portal = s.Portal with { VerifyPermits = 2, VerifyWindow = TimeSpan.FromHours(1) },
            Auth = s.Auth with { TrustedProxies = ["127.0.0.1"] },
        });

        async Task<HttpStatusCode> AsClient(string ip)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/verifier") { Content = Form(("reference", "")) };
            request.Headers.Add("X-Forwarded-For", ip);
            return (await server.Client.SendAsync(request)).StatusCode;
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], [await AsClient("203.0.113.5"), await AsClient("203.0.113.5"), await AsClient("203.0.113.5")]);
        Assert.Equal(HttpStatusCode.BadRequest, await AsClient("203.0.113.6"));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], [await AsClient("2001:db8:1:2::1"), await AsClient("2001:db8:1:2::ffff"), await AsClient("2001:db8:1:2:abcd::9")]);
        Assert.Equal(HttpStatusCode.BadRequest, await AsClient("2001:db8:1:3::1"));
    }

    [Theory]
    [InlineData("/verifier")]
    [InlineData("/signaler")]
    public async Task Pages_AreFrenchWithAStrictCsp_NoScript_NoInlineStyle_AndALabelForEveryField(string path)
    {
        await using var server = await VigieTestServer.StartAsync();
        var response = await server.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(PortalPageHeaders.Csp, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("<html lang=\"fr\">", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
        var fields = FieldIds().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, id => Assert.Contains($"<label for=\"{id}\">", body, StringComparison.Ordinal));
        Assert.Contains("href=\"#contenu\"", body, StringComparison.Ordinal);

        var css = await server.Client.GetAsync("/portail.css");
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        Assert.Contains(":focus", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_PostedFromAnotherSite_IsRefused()
    {
        await using var server = await VigieTestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/verifier") { Content = Form(("reference", "x")) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("<(?:input|textarea|select) id=\"([^\"]+)\"")]
    private static partial Regex FieldIds();
}

/// <summary>The CSP the tests expect, spelled out independently of the code.</summary>
internal static class PortalPageHeaders
{
    public const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}
