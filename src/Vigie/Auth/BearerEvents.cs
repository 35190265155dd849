using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Auth;

/// <summary>
/// What happens around JwtBearer's own checks: strict token extraction (size, characters), resolution of the
/// principal against the professionals table, and 401 answers with WWW-Authenticate and an OperationOutcome.
/// </summary>
internal sealed class BearerEvents : JwtBearerEvents
{
    public static readonly BearerEvents Instance = new();

    /// <summary>The bearer token of a request, or null when there is none or it cannot be one (size, characters).</summary>
    public static string? TokenOf(HttpRequest request, int maxBytes)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count != 1)
        {
            return null;
        }

        var value = headers[0];
        if (value is null || value.Length <= 7 || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value.AsSpan(7).Trim();
        if (token.Length > maxBytes || token.ContainsAnyExcept(TokenCharacters))
        {
            return null;
        }

        return token.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> TokenCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var settings = context.HttpContext.RequestServices.GetRequiredService<AuthSettings>();
        var request = context.Request;
        if (request.Headers.Authorization.Count == 0)
        {
            context.NoResult();
            return Task.CompletedTask;
        }

        var token = TokenOf(request, settings.MaxTokenBytes);
        if (token is null)
        {
            context.Fail(new MalformedAuthorization("the Authorization header must be one 'Bearer <JWT>' of at most " + settings.MaxTokenBytes + " bytes"));
        }
        else
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var db = services.GetRequiredService<VigieDbContext>();
        var result = await PrincipalResolver.ResolveAsync(context.Principal!, db, services.GetRequiredService<AuthSettings>().Policy, http.RequestAborted).ConfigureAwait(false);
        if (result.Principal is null)
        {
            context.Fail(new UnknownPrincipal(result.Failure!));
            return;
        }

        http.SetAccessPrincipal(result.Principal);
        var session = context.Principal!.FindFirst(VigieClaims.SessionId)?.Value ?? context.Principal.FindFirst(VigieClaims.TokenId)?.Value;
        if (session is { Length: <= 200 })
        {
            http.SetRequestContext(http.RequestContext() with { Session = session });
        }
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Auth");
        LogMessages.TokenRejected(logger, context.HttpContext.TraceIdentifier, context.Exception.GetType().Name);
        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        var message = failure is null ? "a bearer token is required" : Describe(failure);
        // RFC 6750: no error code when no credentials were sent; invalid_request for an unusable header.
        var error = failure is MalformedAuthorization ? "invalid_request" : "invalid_token";
        context.Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer"
            : $"Bearer error=\"{error}\", error_description=\"{message}\"";
        await Outcomes.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, message, null).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }

    /// <summary>A message fit for the client: the kind of failure, never the token or IdentityModel's internals.</summary>
    private static string Describe(Exception failure) => failure switch
    {
        MalformedAuthorization or UnknownPrincipal => failure.Message,
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenInvalidAudienceException => "the token is not meant for this server (audience)",
        SecurityTokenInvalidAlgorithmException => "the token's signature algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is not valid",
    };

    /// <summary>The Authorization header itself is unusable.</summary>
    private sealed class MalformedAuthorization(string message) : Exception(message);

    /// <summary>A valid token for someone Vigie does not know, or who is not active where the token says.</summary>
    private sealed class UnknownPrincipal(string message) : Exception(message);
}
