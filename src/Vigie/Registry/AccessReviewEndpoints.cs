using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Fhir;
using Vigie.Storage;

namespace Vigie.Registry;

/// <summary>
/// Review of access, for security officers and identity-vigilance officers:
/// GET /admin/break-the-glass[?since=ISO-8601][&amp;pending=true] lists break-the-glass reads (newest first, at most 1000);
/// POST /admin/break-the-glass/{id}/reviewed marks one as reviewed (by whom and when);
/// GET /admin/contact-disclosures[?since=] counts contact disclosures per principal and category.
/// </summary>
internal static class AccessReviewEndpoints
{
    public sealed record BreakTheGlassLine(long Id, DateTimeOffset At, string Subject, string Establishments, string PatientId,
        string PurposeCode, string? Reason, string? Session, string? ClientIp, string? UserAgent, string RequestId, DateTimeOffset? ReviewedAt, string? ReviewedBy);

    public sealed record DisclosureCount(string Subject, int Reads, int Phone, int Email, int Address);

    public static IEndpointRouteBuilder MapAccessReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/admin").RequireAccess(AccessAction.Review);
        review.MapGet("/break-the-glass", ListBreakTheGlassAsync);
        review.MapPost("/break-the-glass/{id:long}/reviewed", MarkReviewedAsync);
        review.MapGet("/contact-disclosures", CountDisclosuresAsync);
        return app;
    }

    private static async Task<IResult> ListBreakTheGlassAsync(VigieDbContext db, DateTimeOffset? since, bool? pending, CancellationToken ct)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var onlyPending = pending ?? false;
        var rows = await db.BreakTheGlass.AsNoTracking().Where(b => b.At >= from && (!onlyPending || b.ReviewedAt == null)).OrderByDescending(b => b.Id).Take(1000)
            .ToListAsync(ct).ConfigureAwait(false);
        return Results.Ok(rows.Select(b => new BreakTheGlassLine(b.Id, b.At, b.Subject, b.Establishments, b.PatientId, b.PurposeCode,
            b.Reason, b.Session, b.ClientIp, b.UserAgent, b.RequestId, b.ReviewedAt, b.ReviewedBy)));
    }

    private static async Task<IResult> MarkReviewedAsync(long id, HttpContext http, VigieDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var reviewer = http.AccessPrincipal().Subject;
        var now = clock.GetUtcNow();
        var updated = await db.BreakTheGlass.Where(b => b.Id == id && b.ReviewedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.ReviewedAt, now).SetProperty(b => b.ReviewedBy, reviewer), ct).ConfigureAwait(false);
        return updated == 1 ? Results.NoContent() : Outcomes.NotFound("no pending break-the-glass record with this id");
    }

    private static async Task<IResult> CountDisclosuresAsync(VigieDbContext db, DateTimeOffset? since, CancellationToken ct)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var rows = await db.ContactDisclosures.AsNoTracking().Where(d => d.At >= from).Select(d => new { d.Subject, d.Categories })
            .ToListAsync(ct).ConfigureAwait(false);
        return Results.Ok(rows.GroupBy(r => r.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DisclosureCount(g.Key, g.Count(),
                g.Count(r => ((ContactCategories)r.Categories).HasFlag(ContactCategories.Phone)),
                g.Count(r => ((ContactCategories)r.Categories).HasFlag(ContactCategories.Email)),
                g.Count(r => ((ContactCategories)r.Categories).HasFlag(ContactCategories.Address)))));
    }
}
