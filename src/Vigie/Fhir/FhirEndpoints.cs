using Vigie.Registry;

namespace Vigie.Fhir;

/// <summary>Everything under /fhir.</summary>
internal static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapGet("/metadata", CapabilityStatementEndpoint.Get);
        fhir.MapPatientEndpoints();
        fhir.MapPost("/", BatchEndpoint.PostAsync);
        return app;
    }
}
