using System.Globalization;
using System.Net;
using System.Text;
using Vigie.Core.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// The incident report: one self-contained French HTML page (inline style and SVG, no script, no external
/// resource), so it can be mailed, archived and printed as is. Every value from outside (titles, account ids, user
/// agents, patient names) goes through WebUtility.HtmlEncode.
/// </summary>
internal static class ReportHtml
{
    public sealed record Data(
        Incident Incident, IncidentScope Scope, PivotReport? Pivots, IReadOnlyList<AffectedPerson> People, DeclarationClock Clock,
        OrganisationProfile Organisation, TimeZoneInfo Zone, DateTimeOffset Now);

    private const string Style =
        "body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4}" +
        "h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #c0392b;padding-bottom:.2em;margin-top:2em}" +
        ".confidential{background:#fdecea;border:1px solid #c0392b;padding:.6em 1em;font-weight:bold}" +
        ".clock{background:#fef5e7;border:1px solid #b9770e;padding:.6em 1em}.overdue{background:#fdecea;border-color:#c0392b}" +
        "table{border-collapse:collapse;width:100%;font-size:.9em;margin:.6em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}" +
        "th{background:#f4f6f7}td.n{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}" +
        "code{font-size:.85em;word-break:break-all}@media print{h2{page-break-after:avoid}table{page-break-inside:auto}}";

    public static string Render(Data d)
    {
        var html = new StringBuilder();
        var incident = d.Incident;
        var scope = d.Scope;
        var summary = scope.Summary;
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // The file is also opened from disk (a browser, Chromium printing the PDF) where no header applies: the same policy.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>Rapport d'incident ").Append(H(incident.Id.ToString())).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<p class=\"confidential\">Document confidentiel : il contient des données personnelles de patients. Diffusion restreinte à la cellule de crise, au DPO et au RSSI.</p>");
        html.Append("<h1>Rapport d'incident ").Append(H(incident.Id.ToString())).Append(" : ").Append(H(incident.Title)).Append("</h1>");
        html.Append("<p>").Append(H(d.Organisation.Name)).Append(" — rapport établi le ").Append(H(When(d.Now, d.Zone))).Append(" à partir du journal d'accès de Vigie.</p>");
        html.Append("<p class=\"clock").Append(d.Clock.Overdue ? " overdue" : "").Append("\"><strong>Délai de 72 heures (RGPD, art. 33) :</strong> ")
            .Append(H(Declarations.ClockText(d.Clock, d.Zone))).Append("</p>");

        html.Append("<h2>Synthèse</h2><dl>");
        Item(html, "Statut", Status(incident.Status));
        Item(html, "Origine", incident.Origin switch
        {
            IncidentOrigin.Alert => "alerte de détection " + incident.AlertId,
            IncidentOrigin.CanaryContact => "contact témoin (canari)",
            _ => "ouverture manuelle",
        });
        Item(html, "Détection", When(incident.DetectedAt, d.Zone));
        Item(html, "Fenêtre examinée", "du " + When(scope.Window.From, d.Zone) + " au " + When(scope.Window.To, d.Zone));
        Item(html, "Personnes concernées", FrenchText.Number(summary.People));
        Item(html, "Enregistrements (communications journalisées)", FrenchText.Number(summary.Records));
        Item(html, "Personnes dont des coordonnées ont été communiquées", FrenchText.Number(summary.PeopleWithContactData));
        Item(html, "Première et dernière communication", summary.First is { } f && summary.Last is { } l ? When(f, d.Zone) + " — " + When(l, d.Zone) : "aucune");
        html.Append("</dl>");

        html.Append("<h2>Éléments désignés par l'incident</h2><dl>");
        Item(html, "Comptes", Join(incident.Selectors.Accounts));
        Item(html, "Sessions", Join(incident.Selectors.Sessions));
        Item(html, "Adresses IP", Join(incident.Selectors.ClientIps));
        Item(html, "Clients logiciels (user agents)", Join(incident.Selectors.UserAgents));
        html.Append("</dl>");

        html.Append("<h2>Communications dans le temps, par compte</h2>").Append(SvgCharts.DisclosuresOverTime(scope.Entries, d.Zone));
        html.Append("<h2>Catégories de données exposées</h2>").Append(SvgCharts.Categories(summary));
        html.Append("<table><thead><tr><th>Catégorie</th><th>Personnes</th><th>Enregistrements</th></tr></thead><tbody>");
        foreach (var c in summary.Categories)
        {
            html.Append("<tr><td>").Append(H(FrenchText.Category(c.Category))).Append("</td><td class=\"n\">").Append(FrenchText.Number(c.People))
                .Append("</td><td class=\"n\">").Append(FrenchText.Number(c.Records)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        html.Append("<h2>Comptes</h2><table><thead><tr><th>Compte</th><th>Personnes</th><th>Enregistrements</th><th>Première</th><th>Dernière</th></tr></thead><tbody>");
        foreach (var a in summary.Accounts)
        {
            html.Append("<tr><td><code>").Append(H(a.Account ?? "(sans compte)")).Append("</code></td><td class=\"n\">").Append(FrenchText.Number(a.People))
                .Append("</td><td class=\"n\">").Append(FrenchText.Number(a.Records)).Append("</td><td>").Append(H(When(a.First, d.Zone)))
                .Append("</td><td>").Append(H(When(a.Last, d.Zone))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        Pivots(html, d.Pivots, d.Zone);
        Integrity(html, scope);
        People(html, d.People, d.Zone);
        html.Append("<p><small>Rapport généré par Vigie. Les nombres sont ceux du journal d'accès à la taille ")
            .Append(FrenchText.Number(scope.JournalSize)).Append(" ; le détail des entrées et leurs preuves d'inclusion sont dans <code>scope.json</code>.</small></p>");
        return html.Append("</body></html>").ToString();
    }

    private static void Pivots(StringBuilder html, PivotReport? pivots, TimeZoneInfo zone)
    {
        html.Append("<h2>Pivots proposés</h2>");
        if (pivots is null || (pivots.Candidates.Count == 0 && pivots.TooCommon.Count == 0))
        {
            html.Append("<p>Aucun autre compte vu depuis les mêmes adresses IP ou clients logiciels dans la fenêtre.</p>");
            return;
        }

        html.Append("<p>Comptes non désignés, vus depuis une adresse IP ou un client logiciel de l'incident. Ils ne sont pas ajoutés au périmètre sans décision.</p>");
        html.Append("<table><thead><tr><th>Compte</th><th>Adresses IP communes</th><th>Clients communs</th><th>Entrées communes</th><th>Patients s'il est ajouté</th><th>Période</th></tr></thead><tbody>");
        foreach (var c in pivots.Candidates)
        {
            html.Append("<tr><td><code>").Append(H(c.Account)).Append("</code></td><td>").Append(H(Join(c.SharedIps))).Append("</td><td>").Append(H(Join(c.SharedUserAgents)))
                .Append("</td><td class=\"n\">").Append(FrenchText.Number(c.SharedEntries)).Append("</td><td class=\"n\">").Append(FrenchText.Number(c.PatientsIfAdded))
                .Append("</td><td>").Append(H(When(c.First, zone) + " — " + When(c.Last, zone))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var c in pivots.TooCommon)
        {
            html.Append("<p>Trop commun pour servir de pivot : ").Append(c.Kind == PivotKind.ClientIp ? "adresse IP " : "client ")
                .Append("<code>").Append(H(c.Value)).Append("</code>, partagé par ").Append(FrenchText.Number(c.Accounts)).Append(" comptes.</p>");
        }
    }

    private static void Integrity(StringBuilder html, IncidentScope scope)
    {
        html.Append("<h2>Intégrité et preuves</h2><dl>");
        var i = scope.Integrity;
        Item(html, "Périmètre exact", i.Exact ? "oui" : "non : voir ci-dessous");
        Item(html, "Lignes du journal examinées", FrenchText.Number(i.Examined));
        Item(html, "Entrées illisibles / non intègres", FrenchText.Number(i.Unreadable) + " / " + FrenchText.Number(i.NotIntact));
        if (i.WindowPredatesRetention)
        {
            Item(html, "Conservation", "le début de la fenêtre précède la durée de conservation du journal");
        }

        if (scope.Proofs is { } proofs)
        {
            Item(html, "Point de contrôle signé", proofs.Checkpoint is { } c ? "taille " + FrenchText.Number(c.Checkpoint.TreeSize) + ", racine " + c.Checkpoint.Root.ToBase64() : "aucun");
            Item(html, "Preuves d'inclusion vérifiées", FrenchText.Number(proofs.Proofs.Count(p => p.Verified)) + " sur " + FrenchText.Number(proofs.Proofs.Count)
                + (proofs.Pending > 0 ? " ; " + FrenchText.Number(proofs.Pending) + " en attente du prochain point de contrôle" : ""));
        }

        html.Append("</dl>");
    }

    private static void People(StringBuilder html, IReadOnlyList<AffectedPerson> people, TimeZoneInfo zone)
    {
        html.Append("<h2>Personnes concernées (").Append(FrenchText.Number(people.Count)).Append(")</h2>");
        html.Append("<table><thead><tr><th>Identifiant</th><th>Nom de naissance</th><th>Nom d'usage</th><th>Prénoms</th><th>Naissance</th><th>Catégories exposées</th><th>Canaux disponibles</th><th>Première communication</th></tr></thead><tbody>");
        foreach (var p in people)
        {
            html.Append("<tr><td><code>").Append(H(p.Patient.Value)).Append("</code></td><td>").Append(H(p.Found ? p.BirthName : "(identité introuvable)"))
                .Append("</td><td>").Append(H(p.UsedName)).Append("</td><td>").Append(H(p.GivenNames)).Append("</td><td>")
                .Append(H(p.BirthDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))).Append("</td><td>").Append(H(FrenchText.CategoryCodes(p.Categories)))
                .Append("</td><td>").Append(H(AffectedCsv.Channels(p.Channels))).Append("</td><td>").Append(H(When(p.FirstDisclosure, zone))).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Item(StringBuilder html, string label, string value) => html.Append("<dt>").Append(H(label)).Append("</dt><dd>").Append(H(value)).Append("</dd>");

    private static string Status(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => "ouvert",
        IncidentStatus.Contained => "contenu (accès bloqués)",
        IncidentStatus.Declared => "déclaré aux autorités",
        _ => "clos",
    };

    private static string When(DateTimeOffset time, TimeZoneInfo zone) => FrenchText.DateTime(time, zone) + " (" + FrenchText.ZoneName(zone) + ")";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "—" : string.Join(", ", values);

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? "");
}
