using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigie.Core;
using Vigie.Core.Access;
using Vigie.Storage;

namespace Vigie.Auth.BuiltIn;

/// <summary>
/// Access tokens of the built-in provider for scripts and tests (`vigie token`): the same claims and the same
/// key as the tokens its sign-in flow issues, so the server validates both the same way.
/// </summary>
internal static class BuiltInTokens
{
    /// <summary>What every token carries besides its subject.</summary>
    /// <param name="Issuer">iss.</param>
    /// <param name="Audience">aud.</param>
    /// <param name="Lifetime">exp - iat.</param>
    /// <param name="Acr">acr, or null for none.</param>
    /// <param name="AuthAge">How long before iat the user signed in (auth_time).</param>
    /// <param name="Session">The sign-in session (sid claim), so that several tokens of one sign-in share it; null: none.</param>
    public sealed record Options(string Issuer, string Audience, TimeSpan Lifetime, string? Acr, TimeSpan AuthAge, string? Session = null);

    public static async Task<ParseResult<string>> ForProfessionalAsync(VigieDbContext db, SigningKeys keys, Options options, string nationalId, DateTimeOffset now, CancellationToken ct)
    {
        var id = NationalId.Parse(nationalId);
        if (!id.Success)
        {
            return ParseResult<string>.Fail(id.Error!);
        }

        var claims = await ProfessionalClaimsAsync(db, id.Value, ct).ConfigureAwait(false);
        if (claims is null)
        {
            return ParseResult<string>.Fail("no active professional with this national id: add one with `vigie professional add`");
        }

        claims[VigieClaims.Acr] = options.Acr ?? "";
        claims[VigieClaims.AuthTime] = (now - options.AuthAge).ToUnixTimeSeconds();
        return ParseResult<string>.Ok(Sign(keys, options, now, claims));
    }

    public static string ForSystem(SigningKeys keys, Options options, string finess, DateTimeOffset now) => Sign(keys, options, now, new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["sub"] = "system:" + finess,
        [VigieClaims.Kind] = VigieClaims.KindSystem,
        [VigieClaims.SystemFiness] = finess,
    });

    public static string ForSecurityOfficer(SigningKeys keys, Options options, string name, DateTimeOffset now) => Sign(keys, options, now, new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["sub"] = PrincipalResolver.OfficerId(name),
        [VigieClaims.Kind] = VigieClaims.KindSecurityOfficer,
        [VigieClaims.Officer] = name,
        [VigieClaims.Acr] = options.Acr ?? "",
        [VigieClaims.AuthTime] = (now - options.AuthAge).ToUnixTimeSeconds(),
    });

    /// <summary>sub, SubjectNameID and SubjectRefPro of an active professional, as Pro Santé Connect would give them.</summary>
    public static async Task<Dictionary<string, object>?> ProfessionalClaimsAsync(VigieDbContext db, NationalId id, CancellationToken ct)
    {
        var rows = await db.Professionals.AsNoTracking()
            .Where(p => p.NationalId == id.Value && p.Kind == (int)PrincipalKind.Professional && p.Active && p.Finess != null)
            .OrderBy(p => p.Finess).ToListAsync(ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = id.Value,
            [VigieClaims.SubjectNameId] = id.Value,
            [VigieClaims.SubjectRefPro] = ProSanteConnectClaims.Build(rows.Select(r => (r.ProfessionCode, (string?)null, r.Finess!))),
        };
    }

    private static string Sign(SigningKeys keys, Options options, DateTimeOffset now, Dictionary<string, object> claims)
    {
        if (claims.TryGetValue(VigieClaims.Acr, out var acr) && acr is "")
        {
            claims.Remove(VigieClaims.Acr);
        }

        claims[VigieClaims.TokenId] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        if (options.Session is { Length: > 0 } session)
        {
            claims[VigieClaims.SessionId] = session;
        }

        claims["client_id"] = "vigie-cli";
        claims["scope"] = "openid scope_all";
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.Lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.Credentials,
            TokenType = "at+jwt",
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
