using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Detection;

namespace Vigie.Detection;

/// <summary>
/// The containment table as every node sees it: the active suspensions of a professional, and suspending or
/// releasing one, each journaled (Containment / ContainmentRelease) before it takes effect for the caller.
/// </summary>
internal static class Containments
{
    /// <summary>The enforced suspension that covers this professional's session, if any (account first).</summary>
    public static Task<ContainmentRow?> ActiveForAsync(VigieDbContext db, string professional, string? session, CancellationToken ct) =>
        db.Containments.AsNoTracking()
            .Where(c => c.ProfessionalId == professional && c.ReleasedAt == null && c.Enforced && (c.Session == null || c.Session == session))
            .OrderByDescending(c => c.Scope).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(ct);

    public static Task<List<ContainmentRow>> AllForAsync(VigieDbContext db, string professional, CancellationToken ct) =>
        db.Containments.AsNoTracking().Where(c => c.ProfessionalId == professional).OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);

    /// <summary>Records a suspension; an identical active one is not duplicated.</summary>
    public static async Task<ContainmentRow> SuspendAsync(VigieDbContext db, JournalRecorder journal, ContainmentRow row, Func<JournalEntry> entry, CancellationToken ct)
    {
        var existing = await db.Containments.FirstOrDefaultAsync(c => c.ProfessionalId == row.ProfessionalId && c.Scope == row.Scope
            && c.Session == row.Session && c.ReleasedAt == null && c.Enforced == row.Enforced, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        await journal.AppendAsync([entry()], ct).ConfigureAwait(false);
        db.Containments.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return row;
    }

    /// <summary>Releases the active suspensions of a professional (one session, or the account and all its sessions).</summary>
    public static async Task<int> ReleaseAsync(VigieDbContext db, string professional, string? session, string by, DateTimeOffset at, CancellationToken ct)
    {
        var active = await db.Containments.Where(c => c.ProfessionalId == professional && c.ReleasedAt == null
            && (session == null || c.Session == session)).ToListAsync(ct).ConfigureAwait(false);
        foreach (var row in active)
        {
            row.ReleasedAt = at;
            row.ReleasedBy = by;
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return active.Count;
    }
}
