namespace Vigie.Registry;

/// <summary>The Patient resource: read, create, update, PDQm search, $match and PIXm $ihe-pix.</summary>
internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this RouteGroupBuilder fhir)
    {
        var patients = fhir.MapGroup("/Patient");
        patients.MapGet("/", PatientSearchEndpoint.SearchAsync);
        patients.MapGet("/$ihe-pix", PixmEndpoint.QueryAsync);
        patients.MapPost("/$match", PatientMatchEndpoint.MatchAsync);
        patients.MapGet("/{id}", PatientReadEndpoint.ReadAsync);
        patients.MapPost("/", PatientCreateEndpoint.CreateAsync);
        patients.MapPut("/{id}", PatientUpdateEndpoint.UpdateAsync);
        return fhir;
    }
}
