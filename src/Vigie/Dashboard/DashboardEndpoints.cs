using System.Text;
using Vigie.Core.Access;
using Vigie.Incidents;

namespace Vigie.Dashboard;

/// <summary>
/// The security dashboard under /tableau-de-bord: server-rendered French pages for security officers signed in
/// through the built-in provider's cookie (docs/decisions/0011-dashboard.md). Each page declares the access action
/// of the API it mirrors: alerts and accounts Contain, incidents and the journal Audit, the duplicate queue Administer.
/// </summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var root = DashboardPage.Root;
        var pages = app.MapGroup(root).RequireAuthorization(DashboardAccess.SignedIn);
        pages.MapGet("/", AlertsPages.HomeAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapGet("/alertes", AlertsPages.ListAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapGet("/alertes/lignes", AlertsPages.RowsAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapGet("/comptes", AccountsPages.ListAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapGet("/comptes/{id}", AccountsPages.ShowAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapPost("/comptes/{id}/suspendre", AccountsPages.SuspendAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapPost("/comptes/{id}/lever", AccountsPages.ReleaseAsync).RequireDashboardAccess(AccessAction.Contain);
        pages.MapGet("/incidents", IncidentsPages.ListAsync).RequireDashboardAccess(AccessAction.Audit);
        pages.MapGet("/incidents/{id}", IncidentsPages.ShowAsync).RequireDashboardAccess(AccessAction.Audit);
        pages.MapGet("/incidents/{id}/rapport.html", IncidentEndpoints.ReportAsync).RequireDashboardAccess(AccessAction.Audit);
        pages.MapGet("/incidents/{id}/personnes.csv", IncidentEndpoints.AffectedAsync).RequireDashboardAccess(AccessAction.Audit);
        pages.MapGet("/journal", JournalPage.ShowAsync).RequireDashboardAccess(AccessAction.Audit);
        pages.MapGet("/doublons", DuplicatesPage.ShowAsync).RequireDashboardAccess(AccessAction.Administer);

        // The style sheet and script hold no data; public so that the sign-in and refusal pages are styled too.
        app.MapGet(root + "/tableau.css", (HttpContext http) => Asset(http, DashboardAssets.Css, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet(root + "/tableau.js", (HttpContext http) => Asset(http, DashboardAssets.Js, "text/javascript; charset=utf-8")).AllowAnonymous();
        return app;
    }

    private static IResult Asset(HttpContext http, string text, string type)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(text, type, Encoding.UTF8);
    }
}
