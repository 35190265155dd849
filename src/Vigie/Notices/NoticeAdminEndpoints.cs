using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// For the security team (the audit access: security officers only; identity-vigilance officers, who may review
/// accesses, do not handle phishing or incidents):
/// GET /admin/phishing-reports[?since=ISO-8601][&amp;campaign=id] lists reported messages, newest first, at most 500;
/// GET /admin/campaigns[?since=] lists campaigns by last report, with their keys;
/// GET /admin/notifications?incident=ID counts an incident's notifications per channel and status;
/// GET /admin/portal-answers[?since=] counts the verification portal's answers per outcome, and genuine ones per incident.
/// Report texts are returned as JSON strings (HTML-significant characters escaped by the serializer); a viewer must
/// still treat them as untrusted text.
/// </summary>
internal static class NoticeAdminEndpoints
{
    public sealed record ReportLine(long Id, DateTimeOffset ReceivedAt, long CampaignId, string Medium, string? Sender, string Text, string? Headers, string? ReporterIpHash);

    public sealed record CampaignLine(long Id, string Label, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int ReportCount, IReadOnlyList<string> Keys);

    private static readonly string[] Media = ["inconnu", "courriel", "sms", "appel", "courrier"];

    // Reported texts are hostile by nature: the default encoder escapes <, >, &, quotes, so that a careless viewer
    // that pastes a field into HTML shows it as text. (The host's JSON options relax this for FHIR.)
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    public static IEndpointRouteBuilder MapNoticeAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/admin").RequireAccess(AccessAction.Audit);
        team.MapGet("/phishing-reports", ListReportsAsync);
        team.MapGet("/campaigns", ListCampaignsAsync);
        team.MapGet("/notifications", CountNotificationsAsync);
        team.MapGet("/portal-answers", CountPortalAnswersAsync);
        return app;
    }

    private static async Task<IResult> ListReportsAsync(VigieDbContext db, DateTimeOffset? since, long? campaign, CancellationToken ct)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var rows = await db.PhishingReports.AsNoTracking().Where(r => r.ReceivedAt >= from && (campaign == null || r.CampaignId == campaign))
            .OrderByDescending(r => r.Id).Take(500).ToListAsync(ct).ConfigureAwait(false);
        return Results.Json(rows.Select(r => new ReportLine(r.Id, r.ReceivedAt, r.CampaignId, Media[Math.Clamp(r.Medium, 0, Media.Length - 1)], r.Sender, r.Text, r.Headers, r.ReporterIpHash)), Json);
    }

    private static async Task<IResult> ListCampaignsAsync(VigieDbContext db, DateTimeOffset? since, CancellationToken ct)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var campaigns = await db.PhishingCampaigns.AsNoTracking().Where(c => c.LastSeen >= from).OrderByDescending(c => c.LastSeen).ThenByDescending(c => c.Id).Take(500)
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = campaigns.Select(c => c.Id).ToArray();
        var keys = (await db.PhishingCampaignKeys.AsNoTracking().Where(k => ids.Contains(k.CampaignId)).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(k => k.CampaignId, k => k.Key);
        return Results.Json(campaigns.Select(c => new CampaignLine(c.Id, c.Label, c.FirstSeen, c.LastSeen, c.ReportCount, [.. keys[c.Id].Order(StringComparer.Ordinal)])), Json);
    }

    private static async Task<IResult> CountNotificationsAsync(VigieDbContext db, string? incident, CancellationToken ct)
    {
        if (!Cli.NotifyCommand.IsIncidentId(incident))
        {
            return Fhir.Outcomes.BadRequest("incident: 1 to 64 of A-Z a-z 0-9 . _ : -", "incident");
        }

        var counts = await NotificationStore.CountAsync(db, incident!, ct).ConfigureAwait(false);
        return Results.Ok(counts.Select(c => new { channel = c.Channel.ToString().ToLowerInvariant(), status = c.Status.ToString().ToLowerInvariant(), c.Count }));
    }

    private static async Task<IResult> CountPortalAnswersAsync(VigieDbContext db, DateTimeOffset? since, CancellationToken ct)
    {
        var summary = await PortalAnswers.SummarizeAsync(db, since ?? DateTimeOffset.MinValue, ct).ConfigureAwait(false);
        return Results.Json(new
        {
            outcomes = summary.Outcomes.Select(o => new { outcome = Camel(o.Outcome.ToString()), problem = o.Problem == Core.Notices.ReferenceProblem.None ? null : Camel(o.Problem.ToString()), o.Count }),
            genuineByIncident = summary.GenuineByIncident,
        }, Json);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
