using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Vigie.Core.Access;
using Vigie.Storage;

namespace Vigie.Auth.BuiltIn;

/// <summary>
/// The demo sign-in page: pick one of the seeded professionals. It stands in for Pro Santé Connect's CPS card or
/// e-CPS step and has no password on purpose: Vigie keeps no local credentials.
/// </summary>
internal static class SignInPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, VigieDbContext db, IAntiforgery antiforgery, string? returnUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var people = await db.Professionals.AsNoTracking().Where(p => p.Active && p.Kind == (int)PrincipalKind.Professional)
            .OrderBy(p => p.NationalId).ThenBy(p => p.Finess).ToListAsync(http.RequestAborted).ConfigureAwait(false);
        var html = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Vigie — connexion (démo)</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/tableau-de-bord/tableau.css\"></head><body><main id=\"contenu\">");
        html.Append("<h1>Vigie — connexion de démonstration</h1><p>Fournisseur intégré : aucune authentification réelle. En production, Pro Santé Connect (CPS, e-CPS).</p>");
        html.Append("<form method=\"post\" action=\"/idp/signin\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"returnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl ?? "")}\">");
        if (IsDashboard(returnUrl))
        {
            // Security officers sign in only to the dashboard: Pro Santé Connect does not know them.
            var officers = await db.Professionals.AsNoTracking().Where(p => p.Active && p.Kind == (int)PrincipalKind.SecurityOfficer)
                .OrderBy(p => p.NationalId).ToListAsync(http.RequestAborted).ConfigureAwait(false);
            html.Append("<h2>Officiers de sécurité</h2>");
            foreach (var o in officers)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p><button name=\"professional\" value=\"{WebUtility.HtmlEncode(o.NationalId)}\">{WebUtility.HtmlEncode(o.DisplayName)} (officier de sécurité)</button></p>");
            }

            html.Append("<h2>Professionnels</h2>");
        }

        foreach (var p in people.DistinctBy(p => p.NationalId))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><button name=\"professional\" value=\"{WebUtility.HtmlEncode(p.NationalId)}\">{WebUtility.HtmlEncode(p.DisplayName)} ({WebUtility.HtmlEncode(p.NationalId)})</button></p>");
        }

        html.Append("</form></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static async Task<IResult> SignInAsync(HttpContext http, VigieDbContext db, IAntiforgery antiforgery, TimeProvider clock)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest("the sign-in form expired: reload the page");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var subject = form["professional"].ToString();
        var returnUrl = form["returnUrl"].ToString();

        // Only back into the authorization endpoint or the dashboard: an open redirect would let another site pass through us.
        if (!returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal) && !IsDashboard(returnUrl))
        {
            return Results.BadRequest("returnUrl must be the authorization endpoint or the dashboard");
        }

        if (!await IsActiveAsync(db, subject, officerAllowed: IsDashboard(returnUrl), http.RequestAborted).ConfigureAwait(false))
        {
            return Results.BadRequest("no active professional with this id");
        }

        var now = clock.GetUtcNow();
        var identity = new ClaimsIdentity(BuiltInProvider.CookieScheme);
        identity.AddClaim(new Claim("sub", subject));
        identity.AddClaim(new Claim(VigieClaims.AuthTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(VigieClaims.SessionId, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))));
        await http.SignInAsync(BuiltInProvider.CookieScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + BuiltInProvider.SessionLifetime, IsPersistent = false }).ConfigureAwait(false);
        return Results.Redirect(returnUrl);
    }

    /// <summary>Ends the sign-in session (the dashboard's "Se déconnecter"); the form carries its antiforgery token.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return Results.BadRequest("the sign-out form expired: reload the page");
        }

        await http.SignOutAsync(BuiltInProvider.CookieScheme).ConfigureAwait(false);
        return Results.Redirect("/idp/signin?returnUrl=" + Uri.EscapeDataString(Dashboard.DashboardPage.Root));
    }

    // A path of this site under the dashboard, nothing that a browser could read as another host ("//", "/\\").
    private static bool IsDashboard(string? returnUrl) =>
        returnUrl is not null && (returnUrl == Dashboard.DashboardPage.Root || returnUrl.StartsWith(Dashboard.DashboardPage.Root + "/", StringComparison.Ordinal) || returnUrl.StartsWith(Dashboard.DashboardPage.Root + "?", StringComparison.Ordinal))
        && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal);

    private static async Task<bool> IsActiveAsync(VigieDbContext db, string subject, bool officerAllowed, CancellationToken ct)
    {
        if (subject.StartsWith(PrincipalResolver.OfficerId(""), StringComparison.Ordinal))
        {
            return officerAllowed && await db.Professionals.AsNoTracking()
                .AnyAsync(p => p.NationalId == subject && p.Kind == (int)PrincipalKind.SecurityOfficer && p.Active, ct).ConfigureAwait(false);
        }

        var id = NationalId.Parse(subject);
        return id.Success && await BuiltInTokens.ProfessionalClaimsAsync(db, id.Value, ct).ConfigureAwait(false) is not null;
    }
}
