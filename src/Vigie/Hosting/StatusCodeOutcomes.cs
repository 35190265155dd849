using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Vigie.Fhir;

namespace Vigie.Hosting;

/// <summary>Bodiless error statuses (unknown route, wrong method) become OperationOutcomes too.</summary>
internal static class StatusCodeOutcomes
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (type, message) = status switch
        {
            StatusCodes.Status404NotFound => (OperationOutcome.IssueType.NotFound, "no such resource or operation"),
            StatusCodes.Status405MethodNotAllowed => (OperationOutcome.IssueType.NotSupported, "this interaction is not supported on this resource"),
            StatusCodes.Status415UnsupportedMediaType => (OperationOutcome.IssueType.NotSupported, "send FHIR JSON (application/fhir+json)"),
            _ => (OperationOutcome.IssueType.Processing, "the request could not be processed"),
        };
        return Outcomes.Error(status, type, message, null).ExecuteAsync(http);
    }
}
