using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Vigie.Core.Access;
using Vigie.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Vigie.Auth.BuiltIn;

/// <summary>
/// /connect/authorize: signs the professional of the sign-in session into the client. A session older than the
/// request's max_age (RFC 9470 step-up) sends the user back to the sign-in page first.
/// </summary>
internal static class AuthorizeEndpoint
{
    private static readonly TimeSpan SignInRoundTrip = TimeSpan.FromSeconds(2);

    public static async Task<IResult> HandleAsync(HttpContext http, VigieDbContext db, AuthSettings auth, TimeProvider clock)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var session = await http.AuthenticateAsync(BuiltInProvider.CookieScheme).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var authTime = session.Principal?.FindFirst(VigieClaims.AuthTime)?.Value is { } t ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(t, CultureInfo.InvariantCulture)) : (DateTimeOffset?)null;
        // The grace covers the round trip through the sign-in page, so that max_age=0 (sign in again now) cannot loop.
        var tooOld = request.MaxAge is { } maxAge && (authTime is null || now - authTime > TimeSpan.FromSeconds(maxAge) + SignInRoundTrip);
        if (!session.Succeeded || tooOld)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "the user must sign in");
            }

            // Step-up is max_age (RFC 9470): a fresh sign-in satisfies it on the way back.
            return Results.Redirect("/idp/signin?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }

        var id = NationalId.Parse(session.Principal!.FindFirst("sub")?.Value);
        var claims = id.Success ? await BuiltInTokens.ProfessionalClaimsAsync(db, id.Value, http.RequestAborted).ConfigureAwait(false) : null;
        if (claims is null)
        {
            return Forbid(Errors.AccessDenied, "this professional is no longer active");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, id.Value.Value);
        identity.SetClaim(VigieClaims.SubjectNameId, id.Value.Value);
        identity.AddClaim(new Claim(VigieClaims.SubjectRefPro, JsonSerializer.Serialize(claims[VigieClaims.SubjectRefPro]), JsonClaimValueTypes.Json));
        identity.SetClaim(VigieClaims.Acr, BuiltInProvider.DemoAcr);
        identity.AddClaim(new Claim(VigieClaims.AuthTime, authTime!.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.SetClaim(VigieClaims.SessionId, session.Principal.FindFirst(VigieClaims.SessionId)?.Value);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(auth.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
