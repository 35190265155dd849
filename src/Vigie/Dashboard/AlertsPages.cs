using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Incidents;
using Vigie.Detection;
using Vigie.Incidents;
using Vigie.Storage;
using static Vigie.Dashboard.DashboardPage;

namespace Vigie.Dashboard;

/// <summary>The home page (counts) and the live alert list. Alerts name professionals, never patients: nothing to journal.</summary>
internal static class AlertsPages
{
    private const int Shown = 200;

    public static async Task<IResult> HomeAsync(VigieDbContext db, IncidentServices.Organisation organisation, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var alerts = await db.Alerts.AsNoTracking().CountAsync(a => a.At >= since, ct).ConfigureAwait(false);
        var contained = await db.Containments.AsNoTracking().Where(c => c.ReleasedAt == null && c.Enforced).Select(c => c.ProfessionalId).Distinct().CountAsync(ct).ConfigureAwait(false);
        var incidents = await Vigie.Storage.Incidents.IncidentStore.ListAsync(db, IncidentStatus.Open, ct).ConfigureAwait(false);
        var html = new StringBuilder("<h1>Tableau de bord de sécurité</h1>\n<ul class=\"cartes\">\n");
        html.Append("<li><a href=\"").Append(Root).Append("/alertes\">Alertes des dernières 24 heures</a><strong>").Append(FrenchText.Number(alerts)).Append("</strong></li>\n");
        html.Append("<li><a href=\"").Append(Root).Append("/comptes\">Comptes suspendus</a><strong>").Append(FrenchText.Number(contained)).Append("</strong></li>\n");
        html.Append("<li><a href=\"").Append(Root).Append("/incidents\">Incidents ouverts</a><strong>").Append(FrenchText.Number(incidents.Count)).Append("</strong></li>\n</ul>\n");
        html.Append("<h2>Dernières alertes</h2>\n");
        await AppendTableAsync(html, db, organisation.Zone, 10, ct).ConfigureAwait(false);
        return new DashboardPage("Accueil", html.ToString(), "accueil");
    }

    public static async Task<IResult> ListAsync(VigieDbContext db, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var html = new StringBuilder("<h1>Alertes</h1>\n<p>Les alertes de la détection, les plus récentes d'abord. La liste se met à jour toute seule toutes les 5 secondes ");
        html.Append("(<a href=\"").Append(Root).Append("/alertes\">actualiser maintenant</a>).</p>\n");
        html.Append("<p><button type=\"button\" id=\"alertes-pause\" aria-pressed=\"false\" hidden>Mettre en pause l'actualisation</button></p>\n");
        html.Append("<p id=\"alertes-etat\" role=\"status\" aria-live=\"polite\" class=\"discret\"></p>\n");
        await AppendTableAsync(html, db, organisation.Zone, Shown, ct).ConfigureAwait(false);
        return new DashboardPage("Alertes", html.ToString(), "alertes");
    }

    /// <summary>The table body alone, for the page's refresh script.</summary>
    public static async Task<IResult> RowsAsync(HttpContext http, VigieDbContext db, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var html = new StringBuilder();
        await AppendRowsAsync(html, db, organisation.Zone, Shown, ct).ConfigureAwait(false);
        Portal.PortalPage.SecurityHeaders(http.Response.Headers);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task AppendTableAsync(StringBuilder html, VigieDbContext db, TimeZoneInfo zone, int count, CancellationToken ct)
    {
        html.Append("<table>\n<caption>Alertes</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Type</th><th scope=\"col\">Compte</th>");
        html.Append("<th scope=\"col\">Niveau</th><th scope=\"col\">Motifs</th><th scope=\"col\">Transmise</th></tr></thead>\n<tbody id=\"alertes-lignes\" data-source=\"");
        html.Append(Root).Append("/alertes/lignes\">");
        await AppendRowsAsync(html, db, zone, count, ct).ConfigureAwait(false);
        html.Append("</tbody>\n</table>\n");
    }

    private static async Task AppendRowsAsync(StringBuilder html, VigieDbContext db, TimeZoneInfo zone, int count, CancellationToken ct)
    {
        var alerts = await db.Alerts.AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(ct).ConfigureAwait(false);
        if (alerts.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\">Aucune alerte.</td></tr>");
            return;
        }

        foreach (var alert in alerts.Select(AlertView.From))
        {
            html.Append("<tr><td>").Append(Encode(FrenchText.DateTime(alert.At, zone))).Append("</td><td>").Append(Encode(DashboardText.Kind(alert.Kind)));
            html.Append("</td><td><a href=\"").Append(Root).Append("/comptes/").Append(Uri.EscapeDataString(alert.Professional)).Append("\">").Append(Encode(alert.Professional)).Append("</a>");
            html.Append("</td><td class=\"niveau-").Append(Encode(alert.Level)).Append("\">").Append(Encode(DashboardText.Level(alert.Level)));
            html.Append("</td><td>").Append(Encode(DashboardText.Reasons(alert.Reasons))).Append("</td><td>").Append(alert.Delivered ? "oui" : "en attente").Append("</td></tr>\n");
        }
    }
}
