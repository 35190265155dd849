using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Detection;

namespace Vigie.Detection;

/// <summary>
/// Security officers' containment API: alerts, an account's state and reasons, suspend and release. Every change is
/// journaled with the officer as actor and the professional concerned in the query.
/// </summary>
internal static class ContainmentEndpoints
{
    public sealed record SuspendRequest(string? Reason);

    public sealed record ReleaseRequest(string? Session);

    public static IEndpointRouteBuilder MapContainmentEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAccess(AccessAction.Contain);
        admin.MapGet("/alerts", ListAlertsAsync);
        admin.MapGet("/professionals/{id}", ProfessionalAsync);
        admin.MapPost("/professionals/{id}/suspend", SuspendAsync);
        admin.MapPost("/professionals/{id}/release", ReleaseAsync);
        return app;
    }

    private static async Task<IResult> ListAlertsAsync(VigieDbContext db, DateTimeOffset? since, int? count, CancellationToken ct)
    {
        var take = Math.Clamp(count ?? 100, 1, 1000);
        var query = db.Alerts.AsNoTracking();
        if (since is { } s)
        {
            query = query.Where(a => a.At >= s);
        }

        var alerts = await query.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct).ConfigureAwait(false);
        return Results.Ok(alerts.Select(AlertView.From));
    }

    private static async Task<IResult> ProfessionalAsync(string id, VigieDbContext db, CancellationToken ct)
    {
        var parsed = NationalId.Parse(id);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var nationalId = parsed.Value.Value;
        var known = await db.Professionals.AsNoTracking().Where(p => p.NationalId == nationalId).Select(p => new { p.Finess, p.Active }).ToListAsync(ct).ConfigureAwait(false);
        var containments = await Containments.AllForAsync(db, nationalId, ct).ConfigureAwait(false);
        if (known.Count == 0 && containments.Count == 0)
        {
            return Outcomes.NotFound("no professional with this national id");
        }

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ProfessionalId == nationalId).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct).ConfigureAwait(false);
        return Results.Ok(new
        {
            id = nationalId,
            establishments = known.Select(k => new { finess = k.Finess, active = k.Active }),
            state = State(containments),
            containments = containments.Select(ContainmentView.From),
            alerts = alerts.Select(AlertView.From),
        });
    }

    private static async Task<IResult> SuspendAsync(string id, SuspendRequest? request, HttpContext http, VigieDbContext db, JournalRecorder journal, TimeProvider clock, CancellationToken ct)
    {
        var parsed = NationalId.Parse(id);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var reason = (request?.Reason ?? "").Trim();
        if (reason.Length is 0 or > 200)
        {
            return Outcomes.BadRequest("give {\"reason\": \"...\"} (1 to 200 characters): it is kept with the suspension");
        }

        var stored = await SuspendAccountAsync(http, db, journal, clock, parsed.Value.Value, reason, ct).ConfigureAwait(false);
        return Results.Ok(ContainmentView.From(stored));
    }

    private static async Task<IResult> ReleaseAsync(string id, ReleaseRequest? request, HttpContext http, VigieDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var parsed = NationalId.Parse(id);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var session = request?.Session;
        if (session is { Length: 0 or > 200 })
        {
            return Outcomes.BadRequest("session: the session id of a suspended session, or omit it to release the account and all its sessions");
        }

        var released = await ReleaseForAsync(http, db, clock, parsed.Value.Value, session, ct).ConfigureAwait(false);
        return released == 0 ? Outcomes.NotFound("nothing to release: no active suspension matches") : Results.Ok(new { released });
    }

    /// <summary>An officer's suspension of a whole account, journaled with the officer as actor (the API and the dashboard).</summary>
    public static Task<ContainmentRow> SuspendAccountAsync(HttpContext http, VigieDbContext db, JournalRecorder journal, TimeProvider clock, string professional, string reason, CancellationToken ct)
    {
        var row = new ContainmentRow
        {
            Scope = 1,
            ProfessionalId = professional,
            SuspendedAt = clock.GetUtcNow(),
            Reasons = "officer:" + reason,
            SuspendedBy = http.AccessPrincipal().Subject,
            Enforced = true,
        };
        return Containments.SuspendAsync(db, journal, row,
            () => HttpJournal.Entry(http, JournalAction.Containment, null, DisclosedData.None, query: "suspend-account;professional=" + row.ProfessionalId), ct);
    }

    /// <summary>An officer's release (one session, or the account and all its sessions), journaled before it takes effect.</summary>
    public static async Task<int> ReleaseForAsync(HttpContext http, VigieDbContext db, TimeProvider clock, string professional, string? session, CancellationToken ct)
    {
        await http.JournalAsync(JournalAction.ContainmentRelease, [], DisclosedData.None,
            query: (session is null ? "release-account" : "release-session") + ";professional=" + professional).ConfigureAwait(false);
        return await Containments.ReleaseAsync(db, professional, session, http.AccessPrincipal().Subject, clock.GetUtcNow(), ct).ConfigureAwait(false);
    }

    /// <summary>"account-suspended", "session-suspended" or "active", from a professional's containments.</summary>
    public static string State(IEnumerable<ContainmentRow> containments)
    {
        var active = containments.Where(c => c.ReleasedAt is null && c.Enforced).ToList();
        return active.Any(c => c.Session is null) ? "account-suspended" : active.Count > 0 ? "session-suspended" : "active";
    }
}
