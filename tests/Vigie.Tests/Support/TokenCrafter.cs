using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigie.Auth;

namespace Vigie.Tests.Support;

/// <summary>Hand-made tokens for rejection tests: any issuer, audience, times, key or algorithm.</summary>
public static class TokenCrafter
{
    public static string Professional(SigningCredentials credentials, string issuer, string audience, string nationalId, string finess,
        DateTimeOffset notBefore, DateTimeOffset expires, string? profession = "10")
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = nationalId,
            ["SubjectNameID"] = nationalId,
            ["SubjectRefPro"] = ProSanteConnectClaims.Build([(profession, null, finess)]),
            ["acr"] = "eidas1",
            ["auth_time"] = notBefore.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    public static SigningCredentials ServerKey(VigieTestServer server) => SigningKeys.LoadOrCreate(server.Settings.DataDirectory).Credentials;

    public static SigningCredentials OtherKey() => SigningKeys.LoadOrCreate(Path.Combine(Path.GetTempPath(), "vigie-otherkey-" + Guid.NewGuid().ToString("N"))).Credentials;

    /// <summary>The same payload with header {"alg":"none"} and no signature.</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return header + "." + parts[1] + ".";
    }

    /// <summary>The same payload signed with HMAC, as if the public key were a shared secret.</summary>
    public static string Hmac(VigieTestServer server, string nationalId)
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64)));
        var now = DateTimeOffset.UtcNow;
        return Professional(new SigningCredentials(key, SecurityAlgorithms.HmacSha256), server.Issuer, "vigie", nationalId, VigieTestServer.Finess, now, now.AddMinutes(5));
    }
}
