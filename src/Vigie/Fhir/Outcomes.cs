using Hl7.Fhir.Model;

namespace Vigie.Fhir;

/// <summary>
/// OperationOutcome answers. Messages say what is wrong with the request; they never carry identity data
/// from the registry (they may name a field or parameter the client sent).
/// </summary>
internal static class Outcomes
{
    public static FhirResult BadRequest(string message, string? expression = null) =>
        Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, message, expression);

    public static FhirResult Unprocessable(string message, string? expression = null) =>
        Error(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.Processing, message, expression);

    public static FhirResult NotFound(string message) =>
        Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, message, null);

    public static FhirResult Forbidden(string message) =>
        Error(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, message, null);

    public static FhirResult Conflict(string message) =>
        Error(StatusCodes.Status409Conflict, OperationOutcome.IssueType.Conflict, message, null);

    public static FhirResult PreconditionFailed(string message) =>
        Error(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Conflict, message, null);

    public static FhirResult TooLarge(long limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, $"the request body is larger than {limit} bytes", null);

    public static FhirResult UnsupportedMediaType() =>
        Error(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported, "send FHIR JSON (application/fhir+json or application/json)", null);

    public static FhirResult Error(int status, OperationOutcome.IssueType type, string message, string? expression) =>
        new(Build(OperationOutcome.IssueSeverity.Error, type, message, expression), status);

    public static OperationOutcome Build(OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType type, string message, string? expression)
    {
        var issue = new OperationOutcome.IssueComponent { Severity = severity, Code = type, Diagnostics = message };
        if (expression is not null)
        {
            issue.Expression = [expression];
        }

        return new OperationOutcome { Issue = [issue] };
    }

    public static OperationOutcome Information(string message) =>
        Build(OperationOutcome.IssueSeverity.Information, OperationOutcome.IssueType.Informational, message, null);
}
