using System.Net;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using Vigie.Hosting;
using Vigie.Storage;

namespace Vigie.Auth.BuiltIn;

/// <summary>
/// The built-in OpenID Connect provider (OpenIddict) for the embedded demo: authorization code + PKCE, refresh
/// tokens, a dev sign-in page listing seeded professionals. It has no real authentication, so it runs only when
/// asked (--builtin-idp), says so in the log at start, and refuses non-loopback addresses unless that too is asked.
/// </summary>
internal static class BuiltInProvider
{
    public const string CookieScheme = "vigie-idp";
    public const string WebClientId = "vigie-web";

    /// <summary>The acr the demo sign-in stands for (a CPS card sign-in); see README.</summary>
    public const string DemoAcr = "eidas1";

    /// <summary>Pro Santé Connect's lifetimes: access token 2 minutes, refresh token 30 minutes, session 4 hours.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(4);

    /// <summary>The issuer: the configured one, else the first listening URL.</summary>
    public static string IssuerOf(VigieSettings settings)
    {
        var issuer = settings.Auth.BuiltInIssuer ?? settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return issuer.EndsWith('/') ? issuer : issuer + "/";
    }

    /// <summary>Refuses listening addresses beyond loopback unless explicitly allowed.</summary>
    public static void CheckListeningAddresses(VigieSettings settings)
    {
        if (settings.Auth.BuiltInAllowNonLoopback)
        {
            return;
        }

        foreach (var url in settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = url.Split("://", 2).Last().Split('/')[0];
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
            var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                throw new InvalidOperationException($"the built-in identity provider (demo, no real authentication) refuses to listen on {url}: "
                    + "use a loopback address, or pass --builtin-idp-allow-remote if you really mean it");
            }
        }
    }

    public static void Add(IServiceCollection services, VigieSettings settings, SigningKeys keys)
    {
        var issuer = new Uri(IssuerOf(settings));
        // The sign-in cookie and the antiforgery tokens are protected by keys kept beside the signing key, so that
        // sessions survive a restart and every node sharing the data directory reads them.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys", "data-protection")));
        services.AddAntiforgery();
        services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "vigie-idp";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = false;
            o.LoginPath = "/idp/signin";
            o.ReturnUrlParameter = "returnUrl"; // The dashboard's pages send the browser to sign in and back.
        });
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<VigieDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(issuer);
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.OfflineAccess, "scope_all");
                o.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);

                // Resource servers (Vigie itself, or another node) validate access tokens as plain signed JWTs.
                o.DisableAccessTokenEncryption();
                o.SetAccessTokenLifetime(AccessTokenLifetime).SetRefreshTokenLifetime(RefreshTokenLifetime);
                var aspNet = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough();
                if (issuer.Scheme == Uri.UriSchemeHttp)
                {
                    aspNet.DisableTransportSecurityRequirement(); // Loopback demo over plain HTTP.
                }
            });
        services.AddHostedService(sp => new BuiltInClientSeeder(sp, RedirectUris(settings, issuer)));
    }

    public static IEndpointRouteBuilder MapBuiltInProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync).AllowAnonymous();
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).AllowAnonymous();
        app.MapGet("/idp/signin", SignInPage.ShowAsync).AllowAnonymous();
        app.MapPost("/idp/signin", SignInPage.SignInAsync).AllowAnonymous();
        app.MapPost("/idp/signout", SignInPage.SignOutAsync).AllowAnonymous();
        return app;
    }

    private static List<Uri> RedirectUris(VigieSettings settings, Uri issuer) =>
        [new Uri(issuer, "signin-oidc"), .. settings.Auth.BuiltInRedirectUris.Select(u => new Uri(u))];
}
