using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Vigie.Core.Access;
using Vigie.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Vigie.Auth.BuiltIn;

/// <summary>/connect/token: redeems authorization codes and refresh tokens, if the professional is still active.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, VigieDbContext db)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return AuthorizeEndpoint.Forbid(Errors.UnsupportedGrantType, "authorization_code and refresh_token only");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        var id = NationalId.Parse(result.Principal?.GetClaim(Claims.Subject));
        if (!id.Success || await BuiltInTokens.ProfessionalClaimsAsync(db, id.Value, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "this professional is no longer active");
        }

        return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
