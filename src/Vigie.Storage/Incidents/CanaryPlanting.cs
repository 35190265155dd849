using Microsoft.EntityFrameworkCore;
using Vigie.Core;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Storage.Detection;

namespace Vigie.Storage.Incidents;

/// <summary>
/// Plants a canary: a registered identity whose record carries a monitored email address and phone number. The
/// identity row is left exactly as registered (nothing on it says canary); the canaries table records which of its
/// contacts are monitored, in normal form, each unique across canaries, so a message to one names one canary.
/// </summary>
public static class CanaryPlanting
{
    public static async Task<ParseResult<CanaryRow>> PlantAsync(
        VigieDbContext db, PatientId identity, Finess establishment, string? email, string? phone, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (monitoredEmail, monitoredPhone) = (ContactNormalizer.Email(email), ContactNormalizer.Phone(phone));
        if (monitoredEmail is null && monitoredPhone is null)
        {
            return ParseResult<CanaryRow>.Fail("give the canary's monitored email address or phone number");
        }

        var row = await db.Identities.AsNoTracking().Where(i => i.Id == identity.Value)
            .Select(i => new { i.Emails, i.Phones, i.BirthName, i.UsedName, i.GivenNames, i.FirstGivenName, i.BirthDate, i.Sex })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (row is null)
        {
            return ParseResult<CanaryRow>.Fail("no such identity");
        }

        // Any disclosure of a canary suspends the account that received it, so no professional's ordinary search for a
        // real patient may find one. The registry's PDQm search matches names by prefix, on the used name as well as
        // the birth name, and on every given name: a search for a real MARTIN LEA (family + given + gender) or MARTIN
        // born the same day (family + birth date, or with the date mistyped: a day off, day and month swapped) would
        // find a canary MARTINEZ LEANNE. The colliding patient is not
        // named in the answer: it is a real person. The real patient may be searched under their used name too.
        var names = Prefixes([row.BirthName, row.UsedName]);
        var givens = Prefixes([row.FirstGivenName, .. row.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        var (birthDates, sex) = (BirthDateSlips.Of(row.BirthDate), row.Sex);
        if (await db.Identities.AsNoTracking().AnyAsync(i => i.Id != identity.Value && i.Active
                && (names.Contains(i.BirthName) || (i.UsedName != null && names.Contains(i.UsedName)))
                && (birthDates.Contains(i.BirthDate) || (i.Sex == sex && givens.Contains(i.FirstGivenName)))
                && !db.Canaries.Any(c => c.IdentityId == i.Id), ct).ConfigureAwait(false))
        {
            return ParseResult<CanaryRow>.Fail("a search for a real patient would find this identity (the registry matches names by prefix, used names and every given name), "
                + "and any disclosure of a canary suspends the account: register the canary under traits no real patient's search finds");
        }

        // The monitored contacts must be the record's own: a leak of the record is what they are there to reveal.
        if (monitoredEmail is not null && !Lines(row.Emails).Any(e => ContactNormalizer.Email(e) == monitoredEmail))
        {
            return ParseResult<CanaryRow>.Fail("the identity's record does not carry that email address");
        }

        if (monitoredPhone is not null && !Lines(row.Phones).Any(p => ContactNormalizer.Phone(p) == monitoredPhone))
        {
            return ParseResult<CanaryRow>.Fail("the identity's record does not carry that phone number");
        }

        if (await db.Canaries.AnyAsync(c => c.IdentityId != identity.Value && ((monitoredEmail != null && c.MonitoredEmail == monitoredEmail)
                || (monitoredPhone != null && c.MonitoredPhone == monitoredPhone)), ct).ConfigureAwait(false))
        {
            return ParseResult<CanaryRow>.Fail("another canary already has that contact: each canary's contacts are its own");
        }

        var canary = await db.Canaries.FirstOrDefaultAsync(c => c.IdentityId == identity.Value, ct).ConfigureAwait(false);
        if (canary is null)
        {
            canary = new CanaryRow { IdentityId = identity.Value, Finess = establishment.Value, PlantedAt = now };
            db.Canaries.Add(canary);
        }

        canary.MonitoredEmail = monitoredEmail;
        canary.MonitoredPhone = monitoredPhone;
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The unique indexes caught a concurrent planting of the same contact.
            db.ChangeTracker.Clear();
            return ParseResult<CanaryRow>.Fail("another canary already has that contact: each canary's contacts are its own");
        }

        db.ChangeTracker.Clear();
        return ParseResult<CanaryRow>.Ok(canary);
    }

    /// <summary>Every non-empty prefix of each name (a search value that would find it).</summary>
    private static List<string> Prefixes(IEnumerable<string?> names) =>
        [.. names.Where(n => !string.IsNullOrEmpty(n)).SelectMany(n => Enumerable.Range(1, n!.Length).Select(length => n![..length])).Distinct(StringComparer.Ordinal)];

    private static string[] Lines(string? joined) => joined is null ? [] : joined.Split('\n');
}
