using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>
/// GET /fhir/Patient/{id}. A patient of none of the reader's establishments needs a declared purpose
/// (break-the-glass, recorded for review); contact data goes only to roles that need it, each disclosure counted
/// by category. Both records are written before the answer leaves.
/// </summary>
internal static class PatientReadEndpoint
{
    public static async Task<IResult> ReadAsync(string id, HttpContext http, VigieDbContext db, AuthSettings auth, LiveDetection detection, TimeProvider clock, CancellationToken ct)
    {
        if (!PatientId.Parse(id).Success)
        {
            return Outcomes.BadRequest("the id is not a valid FHIR id");
        }

        var row = await db.Identities.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            await http.JournalAsync(JournalAction.Read, [], DisclosedData.None, JournalOutcome.NotFound).ConfigureAwait(false);
            return Outcomes.NotFound("no Patient with this id");
        }

        var purpose = BreakTheGlassHeaders.Read(http.Request);
        if (!purpose.Success)
        {
            return Outcomes.BadRequest(purpose.Error!);
        }

        var principal = http.AccessPrincipal();
        var now = clock.GetUtcNow();
        var establishments = await PatientEstablishments.OfAsync(db, row, ct).ConfigureAwait(false);
        var decision = PatientReadPolicy.Decide(auth.Policy, principal, establishments, purpose.Value, now);
        if (!decision.Decision.IsAllowed)
        {
            return await http.DeniedAsync(JournalAction.Read, decision.Decision, id).ConfigureAwait(false);
        }

        var disclosed = decision.Contact & ContactPresent(row);
        var btg = decision.BreakTheGlass ? purpose.Value : null;
        if (await detection.JudgeAsync(http, db, AccessAction.Read, null, [id], disclosed, btg?.PurposeCode, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        await http.JournalAsync(JournalAction.Read, [id], HttpJournal.Disclosed(disclosed), purpose: btg is null ? null : btg.PurposeCode + ": " + btg.Reason).ConfigureAwait(false);
        await AccessRecords.WriteAsync(db, http, principal, id, btg, disclosed, now, ct).ConfigureAwait(false);
        var locals = await IdentityQueries.LocalsAsync(db, [id], ct).ConfigureAwait(false);
        var patient = IdentityQueries.Render(row, locals, disclosed);
        return new FhirResult(patient, StatusCodes.Status200OK, etag: IdentityQueries.ETag(row.Version));
    }

    /// <summary>Only categories the patient has are disclosed, so only those are counted.</summary>
    private static ContactCategories ContactPresent(Vigie.Storage.Registry.IdentityRow row)
    {
        var traits = Vigie.Storage.Registry.IdentityRowMapping.ToDomain(row).Traits;
        return (traits.Phones.Count > 0 ? ContactCategories.Phone : ContactCategories.None)
            | (traits.Emails.Count > 0 ? ContactCategories.Email : ContactCategories.None)
            | (traits.Address is not null ? ContactCategories.Address : ContactCategories.None);
    }
}
