using Microsoft.EntityFrameworkCore;
using Vigie.Storage;
using Vigie.Storage.Registry;

namespace Vigie.Registry;

/// <summary>
/// Runs a PDQm query against the registry. Names are stored normalised, so a prefix search is an index range
/// scan: name &gt;= 'DUP' AND name &lt; 'DUQ' (byte order on both providers, see VigieDbContext).
/// </summary>
internal static class PatientSearch
{
    /// <param name="Rows">At most the page size.</param>
    /// <param name="MoreThanPage">True when more patients match than the page holds (never counted further: a
    /// count would tell how many DUPONTs the region has, which is itself an enumeration oracle).</param>
    public sealed record Page(IReadOnlyList<IdentityRow> Rows, bool MoreThanPage);

    public static async Task<Page> ExecuteAsync(VigieDbContext db, PdqmQuery q, CancellationToken ct)
    {
        var rows = db.Identities.AsNoTracking().Where(i => i.Active);
        if (q.Family is { } family)
        {
            if (q.FamilyExact)
            {
                rows = rows.Where(i => i.BirthName == family || i.UsedName == family);
            }
            else
            {
                var upper = UpperBound(family);
                rows = rows.Where(i => (string.Compare(i.BirthName, family) >= 0 && string.Compare(i.BirthName, upper) < 0)
                    || (i.UsedName != null && string.Compare(i.UsedName, family) >= 0 && string.Compare(i.UsedName, upper) < 0));
            }
        }

        if (q.Given is { } given)
        {
            if (q.GivenExact)
            {
                var spaced = " " + given + " ";
                rows = rows.Where(i => i.FirstGivenName == given || (" " + i.GivenNames + " ").Contains(spaced));
            }
            else
            {
                var upper = UpperBound(given);
                var spaced = " " + given;
                rows = rows.Where(i => (string.Compare(i.FirstGivenName, given) >= 0 && string.Compare(i.FirstGivenName, upper) < 0)
                    || (" " + i.GivenNames).Contains(spaced));
            }
        }

        if (q.BirthDateFrom is { } from)
        {
            rows = rows.Where(i => i.BirthDate >= from);
        }

        if (q.BirthDateTo is { } to)
        {
            rows = rows.Where(i => i.BirthDate <= to);
        }

        if (q.Gender is { } gender)
        {
            var sex = (int)gender;
            rows = rows.Where(i => i.Sex == sex);
        }

        if (q.Identifier is { } token)
        {
            var ids = await IdentifierLookup.FindIdentityIdsAsync(db, token.System, token.Value!, ct).ConfigureAwait(false);
            rows = rows.Where(i => ids.Contains(i.Id));
        }

        var page = await rows.OrderBy(i => i.BirthName).ThenBy(i => i.FirstGivenName).ThenBy(i => i.Id)
            .Take(q.Count + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = page.Count > q.Count;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new Page(page, more);
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (ordinal).</summary>
    internal static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
