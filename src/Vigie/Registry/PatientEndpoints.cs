using Vigie.Auth;
using Vigie.Core.Access;

namespace Vigie.Registry;

/// <summary>The Patient resource: read, create, update, PDQm search, $match and PIXm $ihe-pix.</summary>
internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this RouteGroupBuilder fhir)
    {
        var patients = fhir.MapGroup("/Patient");
        patients.MapGet("/", PatientSearchEndpoint.SearchAsync).RequireAccess(AccessAction.Search);
        patients.MapGet("/$ihe-pix", PixmEndpoint.QueryAsync).RequireAccess(AccessAction.CrossReference);
        patients.MapPost("/$match", PatientMatchEndpoint.MatchAsync).RequireAccess(AccessAction.Match);
        patients.MapGet("/{id}", PatientReadEndpoint.ReadAsync).RequireAccess(AccessAction.Read);
        patients.MapPost("/", PatientCreateEndpoint.CreateAsync).RequireAccess(AccessAction.Create);
        patients.MapPut("/{id}", PatientUpdateEndpoint.UpdateAsync).RequireAccess(AccessAction.Update);
        return fhir;
    }
}
