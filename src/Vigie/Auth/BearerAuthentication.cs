using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Vigie.Auth;

/// <summary>
/// Bearer token authentication: one JwtBearer scheme per trusted issuer (OIDC discovery and a cached JWKS for
/// outside providers; the local key for the built-in one), behind a policy scheme that picks the scheme by the
/// token's "iss". Deny by default: every endpoint needs a resolved principal unless it allows anonymous access.
/// </summary>
internal static class BearerAuthentication
{
    public const string Scheme = "vigie";
    public const string BuiltInScheme = "vigie-builtin";

    public static void AddVigieBearer(this IServiceCollection services, AuthSettings auth, string? builtInIssuer, SigningKeys? keys)
    {
        var schemes = new Dictionary<string, string>(StringComparer.Ordinal);
        var builder = services.AddAuthentication(Scheme);
        if (builtInIssuer is not null && keys is not null)
        {
            schemes[builtInIssuer] = BuiltInScheme;
            builder.AddJwtBearer(BuiltInScheme, o => Configure(o, auth, TokenValidation.Parameters(auth, builtInIssuer, auth.Audience, keys.Signing)));
        }

        for (var i = 0; i < auth.TrustedIssuers.Count; i++)
        {
            var trusted = auth.TrustedIssuers[i];
            var name = "vigie-issuer-" + i;
            schemes[trusted.Issuer] = name;
            builder.AddJwtBearer(name, o =>
            {
                // JwtBearer's ConfigurationManager fetches discovery and the JWKS once, caches them, and refetches
                // them on an unknown key id (key rotation) at most every 5 minutes.
                o.MetadataAddress = trusted.MetadataAddress ?? trusted.Issuer.TrimEnd('/') + "/.well-known/openid-configuration";
                o.RequireHttpsMetadata = trusted.RequireHttpsMetadata;
                Configure(o, auth, TokenValidation.Parameters(auth, trusted.Issuer, trusted.Audience, null));
            });
        }

        var fallback = schemes.Values.FirstOrDefault() ?? throw new InvalidOperationException(
            "no token issuer is trusted: configure --trusted-issuer (Pro Santé Connect) or enable the built-in demo provider with --builtin-idp");
        builder.AddPolicyScheme(Scheme, "Bearer", o => o.ForwardDefaultSelector = http => SchemeFor(http, schemes, auth.MaxTokenBytes) ?? fallback);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());
    }

    private static void Configure(JwtBearerOptions options, AuthSettings auth, Microsoft.IdentityModel.Tokens.TokenValidationParameters parameters)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = parameters;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(TokenValidation.Handler(auth));
        options.Events = BearerEvents.Instance;
    }

    /// <summary>Peeks at the (not yet validated) issuer to choose the scheme that will validate the token.</summary>
    private static string? SchemeFor(HttpContext http, Dictionary<string, string> schemes, int maxBytes)
    {
        var token = BearerEvents.TokenOf(http.Request, maxBytes);
        if (token is null)
        {
            return null;
        }

        try
        {
            return schemes.GetValueOrDefault(new JsonWebToken(token).Issuer);
        }
        catch (ArgumentException)
        {
            return null; // Not a JWT: the fallback scheme refuses it with a proper 401.
        }
    }
}
