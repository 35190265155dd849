using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>The establishments that hold a local record of a patient: who has the patient in care.</summary>
internal static class PatientEstablishments
{
    /// <summary>
    /// For a merged identity, those of the identity that replaced it (its local records moved there): a merge must
    /// not turn an establishment's own patient into an outside one.
    /// </summary>
    public static async Task<IReadOnlyList<Finess>> OfAsync(VigieDbContext db, IdentityRow row, CancellationToken ct)
    {
        var id = row.Id;
        for (var hops = 0; hops < 16 && row.ReplacedById is { } next; hops++)
        {
            var replacement = await db.Identities.AsNoTracking().FirstOrDefaultAsync(i => i.Id == next, ct).ConfigureAwait(false);
            if (replacement is null)
            {
                break;
            }

            row = replacement;
        }

        var ids = new[] { id, row.Id };
        var finess = await db.LocalRecords.AsNoTracking().Where(l => ids.Contains(l.IdentityId)).Select(l => l.Finess)
            .Distinct().ToListAsync(ct).ConfigureAwait(false);
        return finess.Select(f => new Finess(f)).ToList();
    }
}
