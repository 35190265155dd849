using System.Net;
using System.Text.RegularExpressions;
using Vigie.Tests.Support;

namespace Vigie.Tests.Dashboard;

/// <summary>A cookie-keeping HTTP client that signs in through the built-in provider's page, as a browser would.</summary>
internal sealed partial class DashboardSession(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static DashboardSession Anonymous(VigieTestServer server) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress });

    /// <summary>Signs in <paramref name="subject"/> (a national id, or "officer:name") on the way to <paramref name="returnUrl"/>.</summary>
    public static async Task<DashboardSession> SignInAsync(VigieTestServer server, string subject, string returnUrl = "/tableau-de-bord")
    {
        var session = Anonymous(server);
        var page = await session.Http.GetStringAsync("/idp/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var posted = await session.Http.PostAsync("/idp/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["returnUrl"] = returnUrl,
            ["professional"] = subject,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(returnUrl, posted.Headers.Location!.OriginalString);
        return session;
    }

    /// <summary>The antiforgery token of the first form of a page.</summary>
    public static string Token(string page) => WebUtility.HtmlDecode(HiddenToken().Match(page).Groups[1].Value);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
