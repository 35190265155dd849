using System.Text;
using Vigie.Core.Incidents;
using Vigie.Core.Notices;
using Vigie.Incidents;
using Vigie.Storage;
using Vigie.Storage.Incidents;
using Vigie.Storage.Notices;
using static Vigie.Dashboard.DashboardPage;

namespace Vigie.Dashboard;

/// <summary>
/// Incidents: the list, and one incident's scope in counts, its declaration drafts (CNIL, ARS / CERT Santé),
/// notification progress and the links to the report and the affected people's file. This page shows counts and
/// accounts, no patient, so it is not journaled; the two downloads are, by the incident endpoints' own code.
/// </summary>
internal static class IncidentsPages
{
    public static async Task<IResult> ListAsync(VigieDbContext db, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var incidents = await IncidentStore.ListAsync(db, null, ct).ConfigureAwait(false);
        var html = new StringBuilder("<h1>Incidents</h1>\n<p>Un incident s'ouvre depuis l'API (<code>POST /admin/incidents</code>) ou la commande <code>vigie incident open</code>.</p>\n");
        html.Append("<table>\n<caption>Incidents, les plus récents d'abord</caption>\n<thead><tr><th scope=\"col\">Incident</th><th scope=\"col\">Titre</th><th scope=\"col\">État</th>");
        html.Append("<th scope=\"col\">Connu le</th><th scope=\"col\">Fenêtre examinée</th></tr></thead>\n<tbody>\n");
        foreach (var incident in incidents.OrderByDescending(i => i.Id.Value))
        {
            html.Append("<tr><td><a href=\"").Append(Root).Append("/incidents/").Append(incident.Id.Value).Append("\">").Append(Encode(incident.Id.ToString())).Append("</a></td><td>");
            html.Append(Encode(incident.Title)).Append("</td><td>").Append(Status(incident.Status)).Append("</td><td>").Append(Encode(FrenchText.DateTime(incident.DetectedAt, organisation.Zone)));
            html.Append("</td><td>").Append(Encode(Window(incident.Window, organisation.Zone))).Append("</td></tr>\n");
        }

        if (incidents.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\">Aucun incident.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return new DashboardPage("Incidents", html.ToString(), "incidents");
    }

    public static async Task<IResult> ShowAsync(string id, HttpContext http, VigieDbContext db, IncidentServices.Organisation organisation, TimeProvider clock, CancellationToken ct)
    {
        var parsed = IncidentId.Parse(id);
        if (!parsed.Success || await IncidentStore.FindAsync(db, parsed.Value, ct).ConfigureAwait(false) is not { } incident)
        {
            return NotFound("Aucun incident avec cet identifiant.");
        }

        var zone = organisation.Zone;
        var investigation = await IncidentEndpoints.InvestigateAsync(http, db, incident, proofs: false, pivots: false, ct).ConfigureAwait(false);
        var scope = investigation.Scope;
        var summary = scope.Summary;
        var now = clock.GetUtcNow();
        var path = Root + "/incidents/" + incident.Id.Value;
        var html = new StringBuilder("<h1>").Append(Encode(incident.Id + " — " + incident.Title)).Append("</h1>\n");
        html.Append("<p>État : ").Append(Status(incident.Status)).Append(". Connu le ").Append(Encode(FrenchText.DateTime(incident.DetectedAt, zone)));
        html.Append(". Fenêtre examinée : ").Append(Encode(Window(incident.Window, zone))).Append(".</p>\n");
        html.Append("<p><a href=\"").Append(path).Append("/rapport.html\" download=\"").Append(incident.Id).Append("-rapport.html\">Télécharger le rapport (HTML)</a> · <a href=\"").Append(path);
        html.Append("/personnes.csv\" download>Télécharger la liste des personnes concernées (CSV)</a> <span class=\"discret\">(ces téléchargements sont inscrits au journal)</span></p>\n");

        html.Append("<h2>Périmètre</h2>\n<ul class=\"cartes\">\n<li>Personnes concernées<strong>").Append(FrenchText.Number(summary.People)).Append("</strong></li>\n");
        html.Append("<li>Communications<strong>").Append(FrenchText.Number(summary.Records)).Append("</strong></li>\n<li>Personnes dont les coordonnées sont sorties<strong>");
        html.Append(FrenchText.Number(summary.PeopleWithContactData)).Append("</strong></li>\n</ul>\n");
        html.Append(scope.Integrity.Exact ? "<p>Périmètre exact : le journal vérifie sur toute la fenêtre.</p>\n" : "<p class=\"erreur\">Périmètre à confirmer : une partie du journal n'a pas pu être relue ou vérifiée.</p>\n");
        if (summary.Records > 0)
        {
            html.Append("<div class=\"graphique\">").Append(SvgCharts.Categories(summary)).Append("</div>\n<div class=\"graphique\">").Append(SvgCharts.DisclosuresOverTime(scope.Entries, zone)).Append("</div>\n");
        }

        html.Append("<table>\n<caption>Par compte</caption>\n<thead><tr><th scope=\"col\">Compte</th><th scope=\"col\" class=\"nombre\">Personnes</th><th scope=\"col\" class=\"nombre\">Communications</th><th scope=\"col\">Première</th><th scope=\"col\">Dernière</th></tr></thead>\n<tbody>\n");
        foreach (var account in summary.Accounts)
        {
            html.Append("<tr><td>").Append(account.Account is { } a ? "<a href=\"" + Root + "/comptes/" + Uri.EscapeDataString(a) + "\">" + Encode(a) + "</a>" : "(sans compte)");
            html.Append("</td><td class=\"nombre\">").Append(FrenchText.Number(account.People)).Append("</td><td class=\"nombre\">").Append(FrenchText.Number(account.Records));
            html.Append("</td><td>").Append(Encode(FrenchText.DateTime(account.First, zone))).Append("</td><td>").Append(Encode(FrenchText.DateTime(account.Last, zone))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        AppendDeclarations(html, Declarations.Build(incident, scope, organisation.Profile, zone, now), incident, zone, now);
        AppendNotifications(html, await NotificationStore.CountAsync(db, incident.Id.ToString(), ct).ConfigureAwait(false));
        return new DashboardPage(incident.Id.ToString(), html.ToString(), "incidents");
    }

    private static void AppendDeclarations(StringBuilder html, DeclarationSet set, Incident incident, TimeZoneInfo zone, DateTimeOffset now)
    {
        var clock = DeclarationClock.For(incident.DetectedAt, now);
        html.Append("<h2>Déclarations</h2>\n<p>Brouillons à relire et compléter avant envoi. Délai de notification à la CNIL (72 heures) : échéance le ");
        html.Append(Encode(FrenchText.DateTime(clock.Deadline, zone))).Append(clock.Overdue ? " — <strong>dépassé</strong>" : "").Append(".</p>\n");
        html.Append("<details><summary>Notification de violation à la CNIL</summary>\n<pre>").Append(Encode(DeclarationMarkdown.Render(set.Cnil, zone))).Append("</pre></details>\n");
        html.Append("<details><summary>Signalement d'incident de sécurité (ARS / CERT Santé)</summary>\n<pre>").Append(Encode(DeclarationMarkdown.Render(set.HealthIncident, zone))).Append("</pre></details>\n");
    }

    private static void AppendNotifications(StringBuilder html, IReadOnlyList<NotificationCount> counts)
    {
        html.Append("<h2>Information des personnes</h2>\n");
        if (counts.Count == 0)
        {
            html.Append("<p>Aucune notification prévue pour cet incident (commande <code>vigie notify</code>).</p>\n");
            return;
        }

        var total = counts.Sum(c => c.Count);
        var sent = counts.Where(c => c.Status == NotificationStatus.Sent).Sum(c => c.Count);
        html.Append("<p>").Append(Encode(FrenchText.Plural(sent, "message envoyé", "messages envoyés"))).Append(" sur ").Append(FrenchText.Number(total)).Append(".</p>\n");
        html.Append("<progress max=\"").Append(total).Append("\" value=\"").Append(sent).Append("\" aria-label=\"Messages envoyés\"></progress>\n");
        html.Append("<table>\n<caption>Notifications par canal</caption>\n<thead><tr><th scope=\"col\">Canal</th><th scope=\"col\">État</th><th scope=\"col\" class=\"nombre\">Nombre</th></tr></thead>\n<tbody>\n");
        foreach (var c in counts)
        {
            html.Append("<tr><td>").Append(Channel(c.Channel)).Append("</td><td>").Append(Status(c.Status)).Append("</td><td class=\"nombre\">").Append(FrenchText.Number(c.Count)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Window(TimeWindow window, TimeZoneInfo zone) => "du " + FrenchText.DateTime(window.From, zone) + " au " + FrenchText.DateTime(window.To, zone);

    private static string Status(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => "ouvert",
        IncidentStatus.Contained => "maîtrisé",
        IncidentStatus.Declared => "déclaré",
        _ => "clos",
    };

    private static string Status(NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "à envoyer",
        NotificationStatus.Sending => "en cours d'envoi",
        NotificationStatus.Sent => "envoyé",
        _ => "échec",
    };

    private static string Channel(NoticeChannel channel) => channel switch
    {
        NoticeChannel.Email => "courriel",
        NoticeChannel.Sms => "SMS",
        NoticeChannel.Letter => "courrier",
        _ => "aucun moyen de contact",
    };
}
