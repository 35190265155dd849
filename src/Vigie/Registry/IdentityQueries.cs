using Microsoft.EntityFrameworkCore;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Fhir;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>Loads identities with their local identifiers and renders them as FHIR Patients.</summary>
internal static class IdentityQueries
{
    public static async Task<Dictionary<string, List<LocalIdentifier>>> LocalsAsync(VigieDbContext db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var rows = await db.LocalRecords.AsNoTracking().Where(l => ids.Contains(l.IdentityId))
            .OrderBy(l => l.Id).Select(l => new { l.IdentityId, l.System, l.Value }).ToListAsync(ct).ConfigureAwait(false);
        return rows.GroupBy(r => r.IdentityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new LocalIdentifier(r.System, r.Value)).ToList(), StringComparer.Ordinal);
    }

    public static async Task<Hl7.Fhir.Model.Patient?> PatientAsync(VigieDbContext db, string id, CancellationToken ct)
    {
        var row = await db.Identities.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var locals = await LocalsAsync(db, [id], ct).ConfigureAwait(false);
        return Render(row, locals, ContactCategories.None);
    }

    public static Hl7.Fhir.Model.Patient Render(IdentityRow row, Dictionary<string, List<LocalIdentifier>> locals, ContactCategories contact) =>
        PatientResource.Build(row.ToDomain(), locals.GetValueOrDefault(row.Id) ?? [], contact, row.Version, row.UpdatedAt);

    public static int VersionOf(Hl7.Fhir.Model.Patient patient) =>
        int.Parse(patient.Meta?.VersionId ?? "1", System.Globalization.CultureInfo.InvariantCulture);

    public static string Location(string id, int version) => $"/fhir/Patient/{id}/_history/{version}";

    public static string ETag(int version) => $"W/\"{version}\"";
}
