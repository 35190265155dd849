using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>Finds regional identities by INS (on qualified identities only) or by a local identifier.</summary>
internal static class IdentifierLookup
{
    public static async Task<List<string>> FindIdentityIdsAsync(VigieDbContext db, string? system, string value, CancellationToken ct)
    {
        if (system is not null && InsNumber.KindOf(system) is { } kind)
        {
            var qualified = (int)IdentityStatus.Qualified;
            return await db.Identities.AsNoTracking()
                .Where(i => i.InsValue == value && i.InsKind == (int)kind && i.Status == qualified)
                .Select(i => i.Id).ToListAsync(ct).ConfigureAwait(false);
        }

        var locals = db.LocalRecords.AsNoTracking().Where(l => l.Value == value);
        if (system is not null)
        {
            locals = locals.Where(l => l.System == system);
        }

        return await locals.Select(l => l.IdentityId).Distinct().ToListAsync(ct).ConfigureAwait(false);
    }
}
