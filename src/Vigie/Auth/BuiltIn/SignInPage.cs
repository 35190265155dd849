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
        var html = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Vigie — connexion (démo)</title></head><body>");
        html.Append("<h1>Vigie — connexion de démonstration</h1><p>Fournisseur intégré : aucune authentification réelle. En production, Pro Santé Connect (CPS, e-CPS).</p>");
        html.Append("<form method=\"post\" action=\"/idp/signin\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"returnUrl\" value=\"{WebUtility.HtmlEncode(returnUrl ?? "")}\">");
        foreach (var p in people.DistinctBy(p => p.NationalId))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><button name=\"professional\" value=\"{WebUtility.HtmlEncode(p.NationalId)}\">{WebUtility.HtmlEncode(p.DisplayName)} ({WebUtility.HtmlEncode(p.NationalId)})</button></p>");
        }

        html.Append("</form></body></html>");
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
        var id = NationalId.Parse(form["professional"].ToString());
        var returnUrl = form["returnUrl"].ToString();
        if (!id.Success || await BuiltInTokens.ProfessionalClaimsAsync(db, id.Value, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return Results.BadRequest("no active professional with this id");
        }

        // Only back into the authorization endpoint: an open redirect would let another site pass through us.
        if (!returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal))
        {
            return Results.BadRequest("returnUrl must be the authorization endpoint");
        }

        var now = clock.GetUtcNow();
        var identity = new ClaimsIdentity(BuiltInProvider.CookieScheme);
        identity.AddClaim(new Claim("sub", id.Value.Value));
        identity.AddClaim(new Claim(VigieClaims.AuthTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(VigieClaims.SessionId, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))));
        await http.SignInAsync(BuiltInProvider.CookieScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + BuiltInProvider.SessionLifetime, IsPersistent = false }).ConfigureAwait(false);
        return Results.Redirect(returnUrl);
    }
}
