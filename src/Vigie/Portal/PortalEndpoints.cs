using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Notices;
using Vigie.Incidents;
using Vigie.Notices;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Portal;

/// <summary>
/// The public verification portal, without sign-in: GET/POST /verifier (is this message genuine?), GET/POST
/// /signaler (report a suspicious message), GET /portail.css. French paths because people type them from a
/// French letter or SMS (docs/decisions/0008-notices.md). Every route is rate-limited per client: the posts, which
/// reach the database, tightly; the static pages loosely.
/// </summary>
internal static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verifier", () => PortalPages.VerifyForm()).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.Page);
        app.MapPost("/verifier", VerifyAsync).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.Verify).DisableAntiforgery();
        app.MapGet("/signaler", () => PortalPages.ReportForm()).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.Page);
        app.MapPost("/signaler", ReportAsync).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.Report).DisableAntiforgery();
        app.MapGet("/portail.css", Style).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.Page);
        return app;
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, VigieDbContext db, NoticeKeys keys, PortalSettings settings, TimeProvider clock, ILoggerFactory logs)
    {
        var form = await PortalForm.ReadAsync(http.Request, settings.MaxVerifyBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (form.Refusal is { } refusal)
        {
            return refusal;
        }

        var problem = VerificationReference.TryParse(form.Fields!.GetValueOrDefault("reference").ToString(), out var reference);
        if (problem != ReferenceProblem.None)
        {
            await RecordAsync(db, PortalOutcome.Malformed, problem, null, clock, logs, http.RequestAborted).ConfigureAwait(false);
            return PortalPages.VerifyForm(problem);
        }

        // One indexed lookup of the 128-bit keyed hash, whatever the reference: known and unknown references cost the same.
        var found = await NotificationStore.FindAsync(db, keys.LookupHash(reference), http.RequestAborted).ConfigureAwait(false);
        var outcome = found switch
        {
            null => PortalOutcome.Unknown,
            { Status: NotificationStatus.Sent or NotificationStatus.Sending } => PortalOutcome.Genuine,
            _ => PortalOutcome.Unsent,
        };

        // Recorded whatever the outcome (one insert each, so the answers still cost the same).
        await RecordAsync(db, outcome, ReferenceProblem.None, found?.Id, clock, logs, http.RequestAborted).ConfigureAwait(false);
        if (outcome == PortalOutcome.Genuine)
        {
            return PortalPages.Genuine(found!.Channel, found.MaskedDestination, found.SentAt);
        }

        if (outcome == PortalOutcome.Unsent)
        {
            // A reference that was never sent can only come from the database or the key file: worth a look.
            LogMessages.UnsentReferencePresented(logs.CreateLogger("Vigie.Portal"), found!.Status.ToString());
        }

        return PortalPages.NotGenuine();
    }

    // The security team's record of the answer: ids and counts, never the reference or the visitor. A failure to
    // record is logged and does not keep the person from their answer.
    private static async Task RecordAsync(VigieDbContext db, PortalOutcome outcome, ReferenceProblem problem, long? notification, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        try
        {
            await PortalAnswers.RecordAsync(db, outcome, problem, notification, clock.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e)
        {
            LogMessages.PortalAnswerNotRecorded(logs.CreateLogger("Vigie.Portal"), outcome.ToString(), e.GetType().Name);
        }
    }

    private static async Task<IResult> ReportAsync(HttpContext http, VigieDbContext db, NoticeKeys keys, PortalSettings settings, TimeProvider clock, ILoggerFactory logs,
        CanaryReportWorker canaries)
    {
        var form = await PortalForm.ReadAsync(http.Request, settings.MaxReportBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (form.Refusal is { } refusal)
        {
            return refusal;
        }

        var fields = form.Fields!;
        var checkedMessage = SuspiciousMessage.Check(fields.GetValueOrDefault("texte").ToString(), fields.GetValueOrDefault("expediteur").ToString(),
            fields.GetValueOrDefault("entetes").ToString());
        if (!checkedMessage.Success)
        {
            return PortalPages.ReportForm(checkedMessage.Error switch
            {
                "text" => "Collez le texte du message suspect.",
                "text.length" => $"Le texte dépasse {SuspiciousMessage.MaxText} caractères : gardez-en le début, avec les liens.",
                "sender.length" => $"L'expéditeur dépasse {SuspiciousMessage.MaxSender} caractères.",
                _ => $"Les en-têtes dépassent {SuspiciousMessage.MaxHeaders} caractères : gardez-en le début.",
            }, 400);
        }

        var medium = Array.FindIndex(PortalPages.Media, m => m.Value == fields.GetValueOrDefault("type").ToString()) + 1;
        var message = checkedMessage.Value;
        var stored = await PhishingReports.StoreAsync(db, message, medium is 5 ? 0 : medium, CampaignKeys.For(message), keys.ReporterHash(http.RequestContext().ClientIp),
            clock.GetUtcNow(), http.RequestAborted).ConfigureAwait(false);
        LogMessages.PhishingReportStored(logs.CreateLogger("Vigie.Portal"), stored.ReportId, stored.CampaignId, stored.NewCampaign);

        // A report naming a canary contact is a leak: attributed in the background, so that neither the page nor the
        // time it takes tells the reporter whether a canary was named.
        canaries.Enqueue(stored.ReportId);
        return PortalPages.Reported();
    }

    private static IResult Style(HttpContext http)
    {
        PortalPage.SecurityHeaders(http.Response.Headers);
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(PortalStyle.Css, "text/css; charset=utf-8");
    }
}
