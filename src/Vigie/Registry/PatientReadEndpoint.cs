using Vigie.Core.Identity;
using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>GET /fhir/Patient/{id}.</summary>
internal static class PatientReadEndpoint
{
    public static async Task<IResult> ReadAsync(string id, VigieDbContext db, CancellationToken ct)
    {
        if (!PatientId.Parse(id).Success)
        {
            return Outcomes.BadRequest("the id is not a valid FHIR id");
        }

        var patient = await IdentityQueries.PatientAsync(db, id, includeContact: true, ct).ConfigureAwait(false);
        return patient is null
            ? Outcomes.NotFound("no Patient with this id")
            : new FhirResult(patient, StatusCodes.Status200OK, etag: IdentityQueries.ETag(IdentityQueries.VersionOf(patient)));
    }
}
