using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Core.Access;
using Vigie.Detection;
using Vigie.Journal;
using Vigie.Storage;

namespace Vigie.Dashboard;

/// <summary>
/// Who may see a dashboard page. The browser carries the built-in provider's sign-in cookie, not a bearer token:
/// the cookie's subject is turned into the very claims the provider would put in a token and resolved by
/// <see cref="PrincipalResolver"/>, so an officer or professional is checked against the same table, then the
/// page's <see cref="AccessAction"/> is decided by <see cref="AccessRules"/> as for the API. Deny by default:
/// without the cookie the browser goes to the sign-in page, with it and without the right a 403 page answers.
/// </summary>
internal static class DashboardAccess
{
    /// <summary>The group's authorization: an authenticated sign-in cookie (else a redirect to /idp/signin).</summary>
    public static readonly AuthorizationPolicy SignedIn = new AuthorizationPolicyBuilder(BuiltInProvider.CookieScheme).RequireAuthenticatedUser().Build();

    public static TBuilder RequireDashboardAccess<TBuilder>(this TBuilder builder, AccessAction action)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AccessEndpointFilter.AccessActionMetadata(action));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var db = services.GetRequiredService<VigieDbContext>();
            var policy = services.GetRequiredService<AuthSettings>().Policy;
            var claims = await ClaimsOfAsync(http.User, db, http.RequestAborted).ConfigureAwait(false);
            var resolved = claims is null ? null : await PrincipalResolver.ResolveAsync(claims, db, policy, http.RequestAborted).ConfigureAwait(false);
            if (resolved?.Principal is not { } principal)
            {
                return DashboardPage.Refusal(StatusCodes.Status403Forbidden, "Compte inconnu ou désactivé",
                    "Ce compte n'est pas (ou plus) actif dans Vigie. Déconnectez-vous et connectez-vous avec un compte d'officier de sécurité.");
            }

            http.SetAccessPrincipal(principal);
            if (http.User.FindFirst(VigieClaims.SessionId)?.Value is { Length: <= 200 } session)
            {
                http.SetRequestContext(http.RequestContext() with { Session = session });
            }

            // A suspended professional is refused here as on the API (the gate ran before the cookie was read).
            var passed = false;
            await ContainmentGate.InvokeAsync(http, () =>
            {
                passed = true;
                return Task.CompletedTask;
            }).ConfigureAwait(false);
            if (!passed)
            {
                return Results.Empty;
            }

            var decision = AccessRules.Authorize(policy, principal, action, services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (decision.IsAllowed)
            {
                return await next(context).ConfigureAwait(false);
            }

            await http.DeniedAsync(AccessEndpointFilter.JournalActionOf(action), decision).ConfigureAwait(false);
            return decision.Kind == DecisionKind.StepUp
                ? DashboardPage.Refusal(StatusCodes.Status403Forbidden, "Nouvelle connexion nécessaire", "Cette page demande une connexion récente : déconnectez-vous puis reconnectez-vous.")
                : DashboardPage.Refusal(StatusCodes.Status403Forbidden, "Accès refusé", Why(action));
        });
        return builder;
    }

    private static string Why(AccessAction action) => action == AccessAction.Administer
        ? "La file de doublons est réservée aux référents d'identitovigilance : elle montre les identités des patients."
        : "Le tableau de bord de sécurité est réservé aux officiers de sécurité.";

    /// <summary>The claims a token of the built-in provider would carry for the cookie's subject; null when it is nobody we know.</summary>
    private static async Task<ClaimsPrincipal?> ClaimsOfAsync(ClaimsPrincipal cookie, VigieDbContext db, CancellationToken ct)
    {
        var subject = cookie.FindFirst("sub")?.Value;
        var authTime = cookie.FindFirst(VigieClaims.AuthTime)?.Value ?? "0";
        if (subject is null || !long.TryParse(authTime, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        var identity = new ClaimsIdentity(BuiltInProvider.CookieScheme);
        identity.AddClaim(new Claim(VigieClaims.Acr, BuiltInProvider.DemoAcr));
        identity.AddClaim(new Claim(VigieClaims.AuthTime, authTime));
        if (subject.StartsWith(PrincipalResolver.OfficerId(""), StringComparison.Ordinal))
        {
            identity.AddClaim(new Claim(VigieClaims.Kind, VigieClaims.KindSecurityOfficer));
            identity.AddClaim(new Claim(VigieClaims.Officer, subject[PrincipalResolver.OfficerId("").Length..]));
            return new ClaimsPrincipal(identity);
        }

        var id = NationalId.Parse(subject);
        var claims = id.Success ? await BuiltInTokens.ProfessionalClaimsAsync(db, id.Value, ct).ConfigureAwait(false) : null;
        if (claims is null)
        {
            return null;
        }

        identity.AddClaim(new Claim(VigieClaims.SubjectNameId, id.Value.Value));
        identity.AddClaim(new Claim(VigieClaims.SubjectRefPro, JsonSerializer.Serialize(claims[VigieClaims.SubjectRefPro]), JsonClaimValueTypes.Json));
        return new ClaimsPrincipal(identity);
    }
}
