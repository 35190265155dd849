using Vigie.Core.Access;

namespace Vigie.Auth;

/// <summary>
/// Sign-in settings. Defaults are documented in README ("Sign-in" and "Least privilege"): no issuer is trusted
/// until one is configured, and the built-in demo provider runs only when asked.
/// </summary>
public sealed record AuthSettings
{
    /// <summary>Run the built-in OpenIddict provider in this process (embedded demo). Default off.</summary>
    public bool BuiltInProvider { get; init; }

    /// <summary>Let the built-in provider run on a non-loopback address. Default off: it has no real authentication.</summary>
    public bool BuiltInAllowNonLoopback { get; init; }

    /// <summary>The built-in provider's issuer; null means the first listening URL.</summary>
    public string? BuiltInIssuer { get; init; }

    /// <summary>Redirect URIs the built-in provider's web client may use, besides {issuer}signin-oidc.</summary>
    public IReadOnlyList<string> BuiltInRedirectUris { get; init; } = [];

    /// <summary>The audience Vigie's access tokens must name (built-in provider). Default "vigie".</summary>
    public string Audience { get; init; } = "vigie";

    /// <summary>Outside OpenID Connect providers whose tokens are accepted (e.g. Pro Santé Connect).</summary>
    public IReadOnlyList<TrustedIssuer> TrustedIssuers { get; init; } = [];

    /// <summary>Proxies whose X-Forwarded-For is believed (exact addresses). Default none.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Tolerated clock difference with issuers. Default 30 s: access tokens live 2 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest bearer token accepted (bytes). Default 8 KiB; a Pro Santé Connect token is about 2 KiB.</summary>
    public int MaxTokenBytes { get; init; } = 8 * 1024;

    /// <summary>Least-privilege policy (access.json in the data directory overrides it).</summary>
    public AccessPolicy Policy { get; init; } = AccessPolicy.Default;
}

/// <summary>An outside OpenID Connect provider whose access tokens Vigie accepts.</summary>
/// <param name="Issuer">The exact "iss" value, e.g. https://auth.esante.gouv.fr/auth/realms/esante-wallet.</param>
/// <param name="Audience">The "aud" Vigie's tokens carry at that provider (Vigie's client id there).</param>
/// <param name="MetadataAddress">The discovery document; null means {Issuer}/.well-known/openid-configuration.</param>
/// <param name="RequireHttpsMetadata">Refuse discovery over plain HTTP (off only for loopback tests).</param>
public sealed record TrustedIssuer(string Issuer, string Audience, string? MetadataAddress = null, bool RequireHttpsMetadata = true);
