using System.Globalization;
using Hl7.Fhir.Model;
using Vigie.Core.Access;
using Vigie.Fhir;

namespace Vigie.Auth;

/// <summary>Policy decisions as HTTP answers: OperationOutcome bodies, and RFC 6750 / RFC 9470 challenges.</summary>
internal static class AccessResults
{
    public static IResult From(AccessDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Kind switch
        {
            DecisionKind.Refine => Outcomes.BadRequest(decision.Message),
            DecisionKind.Forbid or DecisionKind.NeedsPurpose => Outcomes.Forbidden(decision.Message),
            DecisionKind.StepUp => StepUp(decision),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), "an allow decision has no refusal answer"),
        };
    }

    public static IResult Unauthenticated() =>
        new Challenge(Outcomes.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "a bearer token is required", null), "Bearer");

    /// <summary>RFC 9470: 401 with error="insufficient_user_authentication" and the acr and/or max_age to ask for.</summary>
    public static IResult StepUp(AccessDecision decision)
    {
        var header = "Bearer error=\"insufficient_user_authentication\", error_description=\"" + decision.Message + "\"";
        if (decision.StepUp?.Acr is { } acr)
        {
            header += ", acr_values=\"" + acr + "\"";
        }

        if (decision.StepUp?.MaxAge is { } age)
        {
            header += ", max_age=" + ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return new Challenge(Outcomes.Error(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, decision.Message, null), header);
    }

    /// <summary>An OperationOutcome answer that also carries a WWW-Authenticate header.</summary>
    private sealed class Challenge(FhirResult outcome, string header) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = header;
            return outcome.ExecuteAsync(httpContext);
        }
    }
}
