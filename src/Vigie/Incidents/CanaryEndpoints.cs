using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Incidents;
using Vigie.Core.Notices;
using Vigie.Fhir;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// POST /admin/canary-messages: the monitored mailbox or SMS gateway hands over a message it received
/// (<c>{"to": [...], "from", "text", "headers", "receivedAt"}</c>). Every canary contact it names (recipients,
/// sender, headers or text) is attributed: the hit is stored as evidence and the canary's incident opened or widened.
/// Security officers only: the ingesting service runs with an officer's token.
/// GET /admin/canary-hits[?incident=ID]: the hits recorded (newest first, at most 500), the evidence of an incident.
/// </summary>
internal static class CanaryEndpoints
{
    public sealed record MessageRequest(string[]? To, string? From, string? Text, string? Headers, DateTimeOffset? ReceivedAt);

    /// <summary>Most recipients in one message.</summary>
    public const int MaxRecipients = 100;

    public static IEndpointRouteBuilder MapCanaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/canary-messages", RecordAsync).RequireAccess(AccessAction.Audit)
            .WithMetadata(new RequestSizeLimitAttribute(256 * 1024));
        app.MapGet("/admin/canary-hits", ListAsync).RequireAccess(AccessAction.Audit);
        return app;
    }

    // Message texts are hostile by nature: the default encoder escapes HTML-significant characters, as for phishing reports.
    private static readonly System.Text.Json.JsonSerializerOptions HitJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
    };

    private static async Task<IResult> ListAsync(VigieDbContext db, string? incident, CancellationToken ct)
    {
        long? only = null;
        if (incident is not null)
        {
            var parsed = IncidentId.Parse(incident);
            if (!parsed.Success)
            {
                return Outcomes.BadRequest(parsed.Error!);
            }

            only = parsed.Value.Value;
        }

        var hits = await db.CanaryHits.AsNoTracking().Where(h => only == null || h.IncidentId == only).OrderByDescending(h => h.Id).Take(500)
            .ToListAsync(ct).ConfigureAwait(false);
        return Results.Json(hits.Select(h => new
        {
            h.Id,
            canary = h.IdentityId,
            h.Contact,
            source = h.Source == (int)CanaryHitSource.PhishingReport ? "phishing-report" : "monitored-message",
            h.ReceivedAt,
            h.RecordedAt,
            incident = h.IncidentId is { } i ? new IncidentId(i).ToString() : null,
            h.PhishingReportId,
            h.Sender,
            h.Text,
            h.Headers,
        }), HitJson);
    }

    private static async Task<IResult> RecordAsync(MessageRequest? body, VigieDbContext db, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (body?.To is not { Length: > 0 and <= MaxRecipients } to || to.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > SuspiciousMessage.MaxSender))
        {
            return Outcomes.BadRequest($"give {{\"to\": [...]}} with 1 to {MaxRecipients} recipients of at most {SuspiciousMessage.MaxSender} characters");
        }

        if (body.From is { Length: > SuspiciousMessage.MaxSender } || body.Text is { Length: > SuspiciousMessage.MaxText } || body.Headers is { Length: > SuspiciousMessage.MaxHeaders })
        {
            return Outcomes.BadRequest($"from, text and headers have at most {SuspiciousMessage.MaxSender}, {SuspiciousMessage.MaxText} and {SuspiciousMessage.MaxHeaders} characters");
        }

        var now = clock.GetUtcNow();
        var mentions = ContactMentions.In([.. to, body.From, body.Headers, body.Text]);
        var hit = new CanaryAttribution.Hit(CanaryHitSource.MonitoredMessage, body.ReceivedAt ?? now, body.From, body.Text, body.Headers);
        var attributed = await CanaryHits.RecordAsync(db, mentions, hit, now, logs.CreateLogger("Vigie.Incidents"), ct).ConfigureAwait(false);
        return Results.Json(CanaryHits.Json(attributed), IncidentJson.Options);
    }
}
