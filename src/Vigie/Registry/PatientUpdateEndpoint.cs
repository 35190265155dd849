using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Core.Matching;
using Vigie.Fhir;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// PUT /fhir/Patient/{id}: corrects the traits, status and INS of an existing regional identity.
/// Links to local records change only through registration and merge, so local identifiers in the body are
/// ignored. Supports If-Match (versioned update); never creates.
/// </summary>
internal static class PatientUpdateEndpoint
{
    public static async Task<IResult> UpdateAsync(string id, HttpRequest request, VigieDbContext db, VigieSettings settings, TimeProvider clock, CancellationToken ct)
    {
        if (!PatientId.Parse(id).Success)
        {
            return Outcomes.BadRequest("the id is not a valid FHIR id");
        }

        var body = await FhirBody.ReadAsync<Patient>(request, settings.MaxRequestBodyBytes, ct).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        if (body.Resource!.Id != id)
        {
            return Outcomes.BadRequest("the resource id must equal the id in the URL", "Patient.id");
        }

        var now = clock.GetUtcNow();
        var input = PatientMapping.ToInput(body.Resource, DateOnly.FromDateTime(now.UtcDateTime));
        if (!input.Success)
        {
            return Outcomes.Unprocessable(input.Error!);
        }

        var row = await db.Identities.FirstOrDefaultAsync(i => i.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return Outcomes.NotFound("no Patient with this id (update never creates)");
        }

        if (!row.Active)
        {
            return Outcomes.Conflict("this identity was merged into another; update the surviving identity");
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != IdentityQueries.ETag(row.Version))
        {
            return Outcomes.PreconditionFailed("the identity changed since that version (If-Match)");
        }

        var v = input.Value;
        if (v.Ins is { } ins)
        {
            var taken = await db.Identities.AnyAsync(i => i.Id != id && i.Active && i.InsValue == ins.Value, ct).ConfigureAwait(false);
            if (taken)
            {
                return Outcomes.Conflict("this INS number belongs to another active identity: review it as a duplicate and merge");
            }
        }

        var oldTraits = row.ToDomain().Traits;
        row.Apply(v.Traits, v.Status, v.Flags, v.Ins);
        row.Version++;
        row.UpdatedAt = now;
        await ReplaceBlockingKeysAsync(db, id, oldTraits, v.Traits, ct).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.PreconditionFailed("the identity changed concurrently; read it again");
        }

        // After the commit, before the answer (see PatientCreateEndpoint for what a journal outage here means).
        await request.HttpContext.JournalAsync(JournalAction.Update, [id], DisclosedData.Identity).ConfigureAwait(false);
        var locals = await IdentityQueries.LocalsAsync(db, [id], ct).ConfigureAwait(false);
        var patient = IdentityQueries.Render(row, locals, Vigie.Core.Access.ContactCategories.None);
        return new FhirResult(patient, StatusCodes.Status200OK, IdentityQueries.Location(id, row.Version), IdentityQueries.ETag(row.Version));
    }

    internal static async Task ReplaceBlockingKeysAsync(VigieDbContext db, string id, IdentityTraits oldTraits, IdentityTraits traits, CancellationToken ct)
    {
        // The old keys are recomputed from the old traits (there is no index by identity on blocking_keys), and only
        // the difference is written: deleting and re-adding the same (key, id) row would collide in the change tracker.
        var oldKeys = BlockingKeys.For(MatchRecord.From(oldTraits)).ToList();
        var old = await db.BlockingKeys.Where(k => k.IdentityId == id && oldKeys.Contains(k.Key)).ToListAsync(ct).ConfigureAwait(false);
        var wanted = BlockingKeys.For(MatchRecord.From(traits)).ToHashSet();
        db.BlockingKeys.RemoveRange(old.Where(k => !wanted.Contains(k.Key)));
        foreach (var key in wanted.Except(old.Select(k => k.Key)))
        {
            db.BlockingKeys.Add(new BlockingKeyRow { Key = key, IdentityId = id });
        }
    }
}
