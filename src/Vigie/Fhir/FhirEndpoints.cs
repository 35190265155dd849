using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Registry;

namespace Vigie.Fhir;

/// <summary>Everything under /fhir.</summary>
internal static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapGet("/metadata", CapabilityStatementEndpoint.Get).AllowAnonymous(); // Public: discovery and health checks.
        fhir.MapPatientEndpoints();
        fhir.MapPost("/", BatchEndpoint.PostAsync).RequireAccess(AccessAction.Batch);
        return app;
    }
}
