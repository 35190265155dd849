using Hl7.Fhir.Model;

namespace Vigie.Fhir;

/// <summary>GET /fhir/metadata: public, for discovery and health checks.</summary>
internal static class CapabilityStatementEndpoint
{
    private static readonly Lazy<CapabilityStatement> Statement = new(Build);

    public static IResult Get() => new FhirResult(Statement.Value, StatusCodes.Status200OK);

    private static CapabilityStatement Build()
    {
        var patient = new CapabilityStatement.ResourceComponent
        {
            Type = "Patient",
            Interaction =
            [
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Update },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.Create },
                new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            ConditionalCreate = true,
            SearchParam =
            [
                new() { Name = "family", Type = SearchParamType.String, Documentation = "birth name or used name; prefix, or :exact" },
                new() { Name = "given", Type = SearchParamType.String, Documentation = "any given name; prefix, or :exact" },
                new() { Name = "birthdate", Type = SearchParamType.Date },
                new() { Name = "gender", Type = SearchParamType.Token },
                new() { Name = "identifier", Type = SearchParamType.Token, Documentation = "INS or local IPP, system|value" },
                new() { Name = "_count", Type = SearchParamType.Number },
            ],
            Operation =
            [
                new() { Name = "match", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-match" },
                new() { Name = "ihe-pix", Definition = "https://profiles.ihe.net/ITI/PIXm/OperationDefinition/IHE.PIXm.pix" },
            ],
        };
        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-11-23",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Vigie" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Instantiates = ["https://profiles.ihe.net/ITI/PDQm/CapabilityStatement/IHE.PDQm.Supplier", "https://profiles.ihe.net/ITI/PIXm/CapabilityStatement/IHE.PIXm.Manager"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth")],
                        Description = "Bearer access tokens (JWT) of a trusted OpenID Connect issuer (Pro Santé Connect, acr eidas1). "
                            + "Only this statement is public. Break-the-glass reads declare X-Vigie-Purpose.",
                    },
                    Resource = [patient],
                    Interaction = [new() { Code = CapabilityStatement.SystemRestfulInteraction.Batch }],
                },
            ],
        };
    }
}
