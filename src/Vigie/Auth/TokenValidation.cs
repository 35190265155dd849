using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vigie.Auth;

/// <summary>The token checks, the same for every trusted issuer: issuer, audience, lifetime, signature, algorithm.</summary>
internal static class TokenValidation
{
    /// <summary>Asymmetric signatures only: "none" and HMAC (whose key the issuer would share with us) are refused.</summary>
    public static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <param name="auth">Settings (clock skew).</param>
    /// <param name="issuer">The one issuer accepted by this scheme.</param>
    /// <param name="audience">The audience the token must name.</param>
    /// <param name="key">The signing key when known locally (built-in provider); null to take it from discovery.</param>
    public static TokenValidationParameters Parameters(AuthSettings auth, string issuer, string audience, SecurityKey? key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudience = audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = auth.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key,
        ValidAlgorithms = Algorithms,
        NameClaimType = "sub",
        RoleClaimType = "vigie_role",
    };

    public static JsonWebTokenHandler Handler(AuthSettings auth) => new()
    {
        MapInboundClaims = false,
        MaximumTokenSizeInBytes = auth.MaxTokenBytes,
    };
}
