using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Storage;

namespace Vigie.Auth;

/// <summary>
/// Turns a validated token into an <see cref="AccessPrincipal"/>, checking the professionals table: a valid
/// signature is not enough, the professional must be known and active in the token's establishment.
/// </summary>
internal static class PrincipalResolver
{
    public sealed record Result(AccessPrincipal? Principal, string? Failure);

    public static async Task<Result> ResolveAsync(ClaimsPrincipal claims, VigieDbContext db, AccessPolicy policy, CancellationToken ct)
    {
        var auth = Authentication(claims);
        switch (claims.FindFirst(VigieClaims.Kind)?.Value)
        {
            case VigieClaims.KindSystem:
                var finess = Finess.Parse(claims.FindFirst(VigieClaims.SystemFiness)?.Value);
                if (!finess.Success || !await db.Establishments.AsNoTracking().AnyAsync(e => e.Finess == finess.Value.Value, ct).ConfigureAwait(false))
                {
                    return new Result(null, "unknown establishment system account");
                }

                return new Result(new AccessPrincipal(PrincipalKind.System, "system:" + finess.Value.Value, [finess.Value], Role.None, auth with { Acr = null }), null);
            case VigieClaims.KindSecurityOfficer:
                var officer = OfficerId(claims.FindFirst(VigieClaims.Officer)?.Value ?? "");
                var known = await db.Professionals.AsNoTracking()
                    .AnyAsync(p => p.NationalId == officer && p.Kind == (int)PrincipalKind.SecurityOfficer && p.Active, ct).ConfigureAwait(false);
                return known
                    ? new Result(new AccessPrincipal(PrincipalKind.SecurityOfficer, officer, [], Role.SecurityOfficer, auth), null)
                    : new Result(null, "unknown or inactive security officer");
            case null:
                return await ProfessionalAsync(claims, db, policy, auth, ct).ConfigureAwait(false);
            default:
                return new Result(null, "unknown account kind");
        }
    }

    public static string OfficerId(string name) => "officer:" + name;

    private static async Task<Result> ProfessionalAsync(ClaimsPrincipal claims, VigieDbContext db, AccessPolicy policy, AuthenticationInfo auth, CancellationToken ct)
    {
        var id = NationalId.Parse(claims.FindFirst(VigieClaims.SubjectNameId)?.Value);
        if (!id.Success)
        {
            return new Result(null, "the token has no valid SubjectNameID");
        }

        var activities = ProSanteConnectClaims.Activities(claims);
        var nationalId = id.Value.Value;
        var rows = await db.Professionals.AsNoTracking()
            .Where(p => p.NationalId == nationalId && p.Kind == (int)PrincipalKind.Professional)
            .Select(p => new { p.Finess, p.Roles, p.Active }).ToListAsync(ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return new Result(null, "unknown professional");
        }

        var establishments = new List<Finess>();
        var roles = Role.None;
        foreach (var activity in activities)
        {
            var row = rows.FirstOrDefault(r => r.Active && r.Finess == activity.Establishment.Value);
            if (row is null)
            {
                continue; // An activity in an establishment that has not enabled this professional grants nothing.
            }

            if (!establishments.Contains(activity.Establishment))
            {
                establishments.Add(activity.Establishment);
            }

            roles |= policy.Roles.Map(activity) | (Role)row.Roles;
        }

        return establishments.Count == 0
            ? new Result(null, "professional not active in the token's establishment")
            : new Result(new AccessPrincipal(PrincipalKind.Professional, nationalId, establishments, roles, auth), null);
    }

    private static AuthenticationInfo Authentication(ClaimsPrincipal claims)
    {
        static DateTimeOffset? Seconds(string? value) =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is > 0 and < 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(s)
                : null;

        var issuedAt = Seconds(claims.FindFirst(VigieClaims.IssuedAt)?.Value) ?? DateTimeOffset.MinValue;
        return new AuthenticationInfo(claims.FindFirst(VigieClaims.Acr)?.Value, Seconds(claims.FindFirst(VigieClaims.AuthTime)?.Value), issuedAt);
    }
}
