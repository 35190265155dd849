using System.Text;
using System.Text.Json;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Fhir;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// Incident response for security officers only, under /admin/incidents:
/// POST / opens one; GET / lists them ([?status=open]); GET /{id} reads one; POST /{id}/status and /{id}/accounts
/// change its status or add accepted pivots; GET /{id}/scope[?proofs=false][&amp;pivots=false] computes the scope;
/// GET /{id}/declarations the CNIL and ARS / CERT Santé drafts (JSON with Markdown); GET /{id}/report.html and
/// /{id}/affected.csv the report and the affected people. Ids are "INC-7" or "7".
/// </summary>
internal static class IncidentEndpoints
{
    public sealed record OpenRequest(string? Title, DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset? DetectedAt, string? AlertId,
        string[]? Accounts, string[]? Sessions, string[]? ClientIps, string[]? UserAgents);

    public sealed record StatusRequest(string? Status);

    public sealed record AccountsRequest(string[]? Accounts);

    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        // Audit is the journal readers' permission: security officers only (Review is shared with identity vigilance).
        var incidents = app.MapGroup("/admin/incidents").RequireAccess(AccessAction.Audit);
        incidents.MapPost("/", OpenAsync);
        incidents.MapGet("/", ListAsync);
        incidents.MapGet("/{id}", GetAsync);
        incidents.MapPost("/{id}/status", SetStatusAsync);
        incidents.MapPost("/{id}/accounts", AddAccountsAsync);
        incidents.MapGet("/{id}/scope", ScopeAsync);
        incidents.MapGet("/{id}/declarations", DeclarationsAsync);
        incidents.MapGet("/{id}/report.html", ReportAsync);
        incidents.MapGet("/{id}/affected.csv", AffectedAsync);
        return app;
    }

    private static async Task<IResult> OpenAsync(OpenRequest? body, HttpContext http, VigieDbContext db, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        if (body is null || body.From is null || body.To is null)
        {
            return Outcomes.BadRequest("give at least {\"title\", \"from\", \"to\"} and one of accounts, sessions, clientIps, userAgents");
        }

        var selectors = IncidentSelectors.Create(body.Accounts, body.Sessions, body.ClientIps, body.UserAgents);
        var window = TimeWindow.Create(body.From.Value, body.To.Value);
        if (!selectors.Success || !window.Success)
        {
            return Outcomes.BadRequest(selectors.Error ?? window.Error!);
        }

        var now = clock.GetUtcNow();
        var request = new IncidentRequest(body.Title ?? "", body.AlertId is null ? IncidentOrigin.Manual : IncidentOrigin.Alert, body.AlertId, window.Value,
            selectors.Value, body.DetectedAt ?? now, http.AccessPrincipal().Subject).Validate();
        if (!request.Success)
        {
            return Outcomes.BadRequest(request.Error!);
        }

        var (incident, created) = await IncidentStore.OpenAsync(db, request.Value, now, ct).ConfigureAwait(false);
        if (created)
        {
            var s = incident.Selectors;
            LogMessages.IncidentOpened(logs.CreateLogger("Vigie.Incidents"), incident.Id.ToString(), s.Accounts.Count, s.Sessions.Count, s.ClientIps.Count, s.UserAgents.Count);
        }

        if (created)
        {
            http.Response.Headers.Location = "/admin/incidents/" + incident.Id;
        }

        return Json(IncidentJson.Incident(incident), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(VigieDbContext db, string? status, CancellationToken ct)
    {
        IncidentStatus? filter = null;
        if (status is not null)
        {
            filter = ParseStatus(status);
            if (filter is null)
            {
                return Outcomes.BadRequest("status is one of open, contained, declared, closed");
            }
        }

        return Json((await IncidentStore.ListAsync(db, filter, ct).ConfigureAwait(false)).Select(IncidentJson.Incident));
    }

    private static async Task<IResult> GetAsync(string id, VigieDbContext db, CancellationToken ct) =>
        await FindAsync(id, db, ct).ConfigureAwait(false) is { } found ? found.Result ?? Json(IncidentJson.Incident(found.Incident!)) : Outcomes.NotFound("no such incident");

    private static async Task<IResult> SetStatusAsync(string id, StatusRequest? body, VigieDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (ParseStatus(body?.Status) is not { } status)
        {
            return Outcomes.BadRequest("give {\"status\": \"open\" | \"contained\" | \"declared\" | \"closed\"}");
        }

        var parsed = IncidentId.Parse(id);
        if (!parsed.Success)
        {
            return Outcomes.BadRequest(parsed.Error!);
        }

        var updated = await IncidentStore.SetStatusAsync(db, parsed.Value, status, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return updated is null ? Outcomes.NotFound("no such incident") : Json(IncidentJson.Incident(updated));
    }

    private static async Task<IResult> AddAccountsAsync(string id, AccountsRequest? body, VigieDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var parsed = IncidentId.Parse(id);
        if (!parsed.Success || body?.Accounts is not { Length: > 0 } accounts)
        {
            return Outcomes.BadRequest(parsed.Error ?? "give {\"accounts\": [...]}");
        }

        var updated = await IncidentStore.AddAccountsAsync(db, parsed.Value, accounts, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return updated.Success ? Json(IncidentJson.Incident(updated.Value))
            : updated.Error == "no such incident" ? Outcomes.NotFound(updated.Error) : Outcomes.BadRequest(updated.Error!);
    }

    private static async Task<IResult> ScopeAsync(string id, bool? proofs, bool? pivots, HttpContext http, VigieDbContext db, CancellationToken ct)
    {
        var found = await FindAsync(id, db, ct).ConfigureAwait(false);
        if (found?.Incident is not { } incident)
        {
            return found?.Result ?? Outcomes.NotFound("no such incident");
        }

        var investigation = await InvestigateAsync(http, db, incident, proofs ?? true, pivots ?? true, ct).ConfigureAwait(false);
        await JournalViewAsync(http, incident, JournalAction.AuditQuery, investigation.Scope.Patients.Select(p => p.Patient), "scope").ConfigureAwait(false);

        return Json(IncidentJson.Scope(incident.Id, investigation.Scope, investigation.Pivots));
    }

    private static async Task<IResult> DeclarationsAsync(string id, HttpContext http, VigieDbContext db, TimeProvider clock, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var found = await FindAsync(id, db, ct).ConfigureAwait(false);
        if (found?.Incident is not { } incident)
        {
            return found?.Result ?? Outcomes.NotFound("no such incident");
        }

        // Counts only: no patient is shown, so nothing is journaled.
        var investigation = await InvestigateAsync(http, db, incident, proofs: false, pivots: false, ct).ConfigureAwait(false);
        var set = Declarations.Build(incident, investigation.Scope, organisation.Profile, organisation.Zone, clock.GetUtcNow());
        return Json(IncidentWorkflow.Declarations(set, organisation.Zone));
    }

    internal static async Task<IResult> ReportAsync(string id, HttpContext http, VigieDbContext db, TimeProvider clock, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var found = await FindAsync(id, db, ct).ConfigureAwait(false);
        if (found?.Incident is not { } incident)
        {
            return found?.Result ?? Outcomes.NotFound("no such incident");
        }

        var investigation = await InvestigateAsync(http, db, incident, proofs: true, pivots: true, ct).ConfigureAwait(false);
        var people = await AffectedPeopleQuery.LoadAsync(db, investigation.Scope, ct).ConfigureAwait(false);
        await JournalViewAsync(http, incident, JournalAction.AuditExport, people.SelectMany(p => p.DisclosedAs), "report").ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var html = ReportHtml.Render(new ReportHtml.Data(incident, investigation.Scope, investigation.Pivots, people,
            DeclarationClock.For(incident.DetectedAt, now), organisation.Profile, organisation.Zone, now));
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    internal static async Task<IResult> AffectedAsync(string id, HttpContext http, VigieDbContext db, CancellationToken ct)
    {
        var found = await FindAsync(id, db, ct).ConfigureAwait(false);
        if (found?.Incident is not { } incident)
        {
            return found?.Result ?? Outcomes.NotFound("no such incident");
        }

        var investigation = await InvestigateAsync(http, db, incident, proofs: false, pivots: false, ct).ConfigureAwait(false);
        var people = await AffectedPeopleQuery.LoadAsync(db, investigation.Scope, ct).ConfigureAwait(false);
        await JournalViewAsync(http, incident, JournalAction.AuditExport, people.SelectMany(p => p.DisclosedAs), "affected.csv").ConfigureAwait(false);

        http.Response.Headers.ContentDisposition = "attachment; filename=\"" + incident.Id + "-personnes-concernees.csv\"";
        return Results.Text(AffectedCsv.Render(people), AffectedCsv.ContentType, new UTF8Encoding(false));
    }

    // By name only: Enum.TryParse would also take "2" or "1,2".
    private static IncidentStatus? ParseStatus(string? text) =>
        text is { Length: > 0 } && text.All(char.IsAsciiLetter) && Enum.TryParse<IncidentStatus>(text, ignoreCase: true, out var status) ? status : null;

    private sealed record Found(Incident? Incident, IResult? Result);

    private static async Task<Found?> FindAsync(string id, VigieDbContext db, CancellationToken ct)
    {
        var parsed = IncidentId.Parse(id);
        if (!parsed.Success)
        {
            return new Found(null, Outcomes.BadRequest(parsed.Error!));
        }

        var incident = await IncidentStore.FindAsync(db, parsed.Value, ct).ConfigureAwait(false);
        return incident is null ? null : new Found(incident, null);
    }

    internal static async Task<IncidentWorkflow.Investigation> InvestigateAsync(HttpContext http, VigieDbContext db, Incident incident, bool proofs, bool pivots, CancellationToken ct)
    {
        var services = http.RequestServices;
        var investigation = await IncidentWorkflow.InvestigateAsync(db, incident, services.GetRequiredService<IncidentJournalKey>().Trust, proofs, pivots,
            services.GetRequiredService<TimeProvider>().GetUtcNow(), ct).ConfigureAwait(false);
        var summary = investigation.Scope.Summary;
        LogMessages.IncidentScopeComputed(services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigie.Incidents"), incident.Id.ToString(),
            summary.People, summary.Records, investigation.Scope.Integrity.Exact);
        return investigation;
    }

    // Showing the incident's patients to the officer discloses them again: one entry each, durable before the
    // answer is written. The journal's own helper fails closed (JournalUnavailableException, answered with 503).
    private static Task JournalViewAsync(HttpContext http, Incident incident, JournalAction action, IEnumerable<PatientId> patients, string view)
    {
        var ids = patients.Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0
            ? Task.CompletedTask
            : http.JournalAsync(action, ids, DisclosedData.Identity, query: IncidentDisclosures.Query(incident.Id, view), purpose: IncidentDisclosures.Purpose);
    }

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(value, IncidentJson.Options), "application/json; charset=utf-8", Encoding.UTF8, status);
}
