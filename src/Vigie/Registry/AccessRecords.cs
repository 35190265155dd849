using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Storage;
using Vigie.Storage.Access;

namespace Vigie.Registry;

/// <summary>
/// Writes the break-the-glass record and the contact disclosure count of a read, durably, before the answer.
/// (The tamper-evident journal of issue 4 will carry the same facts; these tables are the review queues.)
/// </summary>
internal static class AccessRecords
{
    public static async Task WriteAsync(VigieDbContext db, HttpContext http, AccessPrincipal principal, string patientId,
        BreakTheGlass? breakTheGlass, ContactCategories disclosed, DateTimeOffset now, CancellationToken ct)
    {
        if (breakTheGlass is null && disclosed == ContactCategories.None)
        {
            return;
        }

        var context = http.RequestContext();
        if (breakTheGlass is not null)
        {
            db.BreakTheGlass.Add(new BreakTheGlassRow
            {
                At = now,
                Subject = principal.Subject,
                Establishments = string.Join(",", principal.Establishments.Select(e => e.Value)),
                PatientId = patientId,
                PurposeCode = breakTheGlass.PurposeCode,
                Reason = breakTheGlass.Reason,
                Session = context.Session,
                ClientIp = context.ClientIp,
                UserAgent = context.UserAgent,
                RequestId = context.RequestId,
            });
            LogMessages.BreakTheGlassRecorded(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Access"), context.RequestId, breakTheGlass.PurposeCode);
        }

        if (disclosed != ContactCategories.None)
        {
            db.ContactDisclosures.Add(new ContactDisclosureRow { At = now, Subject = principal.Subject, PatientId = patientId, Categories = (int)disclosed, RequestId = context.RequestId });
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
