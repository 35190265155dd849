using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Detection;
using Vigie.Incidents;
using Vigie.Journal;
using Vigie.Storage;
using Vigie.Storage.Detection;
using static Vigie.Dashboard.DashboardPage;

namespace Vigie.Dashboard;

/// <summary>
/// Accounts under watch: the list of suspended or alerted professionals, and one account's risk over time, its
/// containments with their reasons, and the suspend / release forms. The pages show professionals and counts, no
/// patient: nothing is journaled for reading them; suspending and releasing are journaled as on the API.
/// </summary>
internal static class AccountsPages
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public static async Task<IResult> ListAsync(VigieDbContext db, IncidentServices.Organisation organisation, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Recent;
        var suspended = await db.Containments.AsNoTracking().Where(c => c.ReleasedAt == null && c.Enforced).ToListAsync(ct).ConfigureAwait(false);
        var alerted = await db.Alerts.AsNoTracking().Where(a => a.At >= since).GroupBy(a => a.ProfessionalId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Last = g.Max(a => a.At) }).ToListAsync(ct).ConfigureAwait(false);
        var ids = suspended.Select(c => c.ProfessionalId).Concat(alerted.Select(a => a.Id)).Distinct(StringComparer.Ordinal).ToList();
        var names = await NamesAsync(db, ids, ct).ConfigureAwait(false);
        var rows = ids.Select(id => (Id: id, State: ContainmentEndpoints.State(suspended.Where(c => c.ProfessionalId == id)), Alerts: alerted.FirstOrDefault(a => a.Id == id)))
            .OrderBy(r => r.State == "active").ThenByDescending(r => r.Alerts?.Last).ToList();

        var html = new StringBuilder("<h1>Comptes</h1>\n<p>Les comptes suspendus et ceux qui ont donné lieu à une alerte ces 7 derniers jours.</p>\n");
        html.Append("<table>\n<caption>Comptes sous surveillance</caption>\n<thead><tr><th scope=\"col\">Compte</th><th scope=\"col\">Nom</th><th scope=\"col\">État</th>");
        html.Append("<th scope=\"col\" class=\"nombre\">Alertes (7 jours)</th><th scope=\"col\">Dernière alerte</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr><td><a href=\"").Append(Root).Append("/comptes/").Append(Uri.EscapeDataString(row.Id)).Append("\">").Append(Encode(row.Id)).Append("</a></td><td>");
            html.Append(Encode(names.GetValueOrDefault(row.Id))).Append("</td><td>").Append(StateBadge(row.State)).Append("</td><td class=\"nombre\">");
            html.Append(FrenchText.Number(row.Alerts?.Count ?? 0)).Append("</td><td>").Append(row.Alerts is { } a ? Encode(FrenchText.DateTime(a.Last, organisation.Zone)) : "—").Append("</td></tr>\n");
        }

        if (rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\">Aucun compte suspendu ni alerté.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return new DashboardPage("Comptes", html.ToString(), "comptes");
    }

    public static async Task<IResult> ShowAsync(string id, string? fait, HttpContext http, VigieDbContext db, IncidentServices.Organisation organisation, TimeProvider clock, CancellationToken ct)
    {
        var parsed = NationalId.Parse(id);
        if (!parsed.Success)
        {
            return Refusal(StatusCodes.Status400BadRequest, "Identifiant invalide", "Ce n'est pas un identifiant national de professionnel (RPPS ou ADELI).");
        }

        var nationalId = parsed.Value.Value;
        var known = await db.Professionals.AsNoTracking().Where(p => p.NationalId == nationalId).ToListAsync(ct).ConfigureAwait(false);
        var containments = await Containments.AllForAsync(db, nationalId, ct).ConfigureAwait(false);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ProfessionalId == nationalId).OrderByDescending(a => a.Id).Take(50).ToListAsync(ct).ConfigureAwait(false);
        if (known.Count == 0 && containments.Count == 0 && alerts.Count == 0)
        {
            return NotFound("Aucun professionnel avec cet identifiant.");
        }

        var zone = organisation.Zone;
        var state = ContainmentEndpoints.State(containments);
        var html = new StringBuilder("<h1>Compte ").Append(Encode(nationalId)).Append("</h1>\n");
        if (fait is "suspendu" or "leve" or "rien")
        {
            var message = fait switch { "suspendu" => "Le compte est suspendu.", "leve" => "La suspension est levée.", _ => "Aucune suspension active à lever." };
            html.Append("<p class=\"resultat succes\" role=\"status\">").Append(message).Append("</p>\n");
        }

        html.Append("<p>").Append(Encode(known.Select(k => k.DisplayName).FirstOrDefault() ?? "Professionnel inconnu de la table")).Append(" — état : ").Append(StateBadge(state)).Append("</p>\n");
        html.Append("<p>Établissements : ").Append(Encode(string.Join(", ", known.Where(k => k.Finess is not null).Select(k => k.Finess + (k.Active ? "" : " (désactivé)"))))).Append("</p>\n");

        html.Append("<h2>Actions</h2>\n<div class=\"actions\">\n");
        var path = Root + "/comptes/" + Uri.EscapeDataString(nationalId);
        if (state != "active")
        {
            html.Append(Form(http, path + "/lever", "<p>Lève la suspension du compte et de toutes ses sessions.</p>", "Lever la suspension"));
        }

        html.Append(Form(http, path + "/suspendre", "<label for=\"motif\">Motif de la suspension</label><input type=\"text\" id=\"motif\" name=\"motif\" required maxlength=\"200\" autocomplete=\"off\">",
            "Suspendre le compte"));
        html.Append("</div>\n");

        AppendCharts(html, await ActivityAsync(db, nationalId, alerts, containments, clock.GetUtcNow(), ct).ConfigureAwait(false), zone);
        AppendContainments(html, containments, zone);
        html.Append("<h2>Alertes</h2>\n<table>\n<caption>Alertes du compte (50 dernières)</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Type</th><th scope=\"col\">Niveau</th><th scope=\"col\">Motifs</th></tr></thead>\n<tbody>\n");
        foreach (var a in alerts.Select(AlertView.From))
        {
            html.Append("<tr><td>").Append(Encode(FrenchText.DateTime(a.At, zone))).Append("</td><td>").Append(Encode(DashboardText.Kind(a.Kind))).Append("</td><td class=\"niveau-").Append(Encode(a.Level)).Append("\">");
            html.Append(Encode(DashboardText.Level(a.Level))).Append("</td><td>").Append(Encode(DashboardText.Reasons(a.Reasons))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return new DashboardPage("Compte " + nationalId, html.ToString(), "comptes");
    }

    public static async Task<IResult> SuspendAsync(string id, HttpContext http, VigieDbContext db, JournalRecorder journal, TimeProvider clock, CancellationToken ct)
    {
        if (await PostedFormAsync(http, id).ConfigureAwait(false) is not { } posted)
        {
            return BadForm();
        }

        var reason = posted.Form["motif"].ToString().Trim();
        if (reason.Length is 0 or > 200)
        {
            return Refusal(StatusCodes.Status400BadRequest, "Motif manquant", "Donnez un motif de 1 à 200 caractères : il est conservé avec la suspension.");
        }

        await ContainmentEndpoints.SuspendAccountAsync(http, db, journal, clock, posted.NationalId, reason, ct).ConfigureAwait(false);
        return Results.Redirect(Root + "/comptes/" + Uri.EscapeDataString(posted.NationalId) + "?fait=suspendu");
    }

    public static async Task<IResult> ReleaseAsync(string id, HttpContext http, VigieDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await PostedFormAsync(http, id).ConfigureAwait(false) is not { } posted)
        {
            return BadForm();
        }

        var released = await ContainmentEndpoints.ReleaseForAsync(http, db, clock, posted.NationalId, null, ct).ConfigureAwait(false);
        return Results.Redirect(Root + "/comptes/" + Uri.EscapeDataString(posted.NationalId) + (released == 0 ? "?fait=rien" : "?fait=leve"));
    }

    private sealed record Posted(string NationalId, IFormCollection Form);

    // The form must carry its antiforgery token (the cookie alone would let another site post it) and a valid id.
    private static async Task<Posted?> PostedFormAsync(HttpContext http, string id)
    {
        var antiforgery = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false) || !NationalId.Parse(id).Success)
        {
            return null;
        }

        return new Posted(NationalId.Parse(id).Value.Value, await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false));
    }

    private static DashboardPage BadForm() =>
        Refusal(StatusCodes.Status400BadRequest, "Formulaire expiré", "Le formulaire a expiré ou ne vient pas de ce site : rechargez la page et recommencez.");

    private static string StateBadge(string state) => state switch
    {
        "account-suspended" => "<span class=\"etat etat-suspendu\">compte suspendu</span>",
        "session-suspended" => "<span class=\"etat etat-suspendu\">session suspendue</span>",
        _ => "<span class=\"etat etat-actif\">actif</span>",
    };

    private static async Task<Dictionary<string, string>> NamesAsync(VigieDbContext db, List<string> ids, CancellationToken ct) =>
        (await db.Professionals.AsNoTracking().Where(p => ids.Contains(p.NationalId)).Select(p => new { p.NationalId, p.DisplayName }).ToListAsync(ct).ConfigureAwait(false))
        .DistinctBy(p => p.NationalId).ToDictionary(p => p.NationalId, p => p.DisplayName, StringComparer.Ordinal);

    private sealed record Activity(DateTimeOffset From, DateTimeOffset To, List<(DateTimeOffset At, int Level)> Steps, List<ScopeEntry> Reads);

    // Risk is the containment level the detection decided (alerts) and the suspensions with their release; the
    // activity is the account's journal entries about a patient (counts only reach the page).
    private static async Task<Activity> ActivityAsync(VigieDbContext db, string id, List<AlertRow> alerts, List<ContainmentRow> containments, DateTimeOffset now, CancellationToken ct)
    {
        // At each change, the highest level in force: the enforced suspensions then active, or the alert of that instant.
        int LevelAt(DateTimeOffset t) => Math.Max(
            containments.Where(c => c.Enforced && c.SuspendedAt <= t && (c.ReleasedAt is null || c.ReleasedAt > t)).Select(c => c.Session is null ? 4 : 3).DefaultIfEmpty(0).Max(),
            alerts.Where(a => a.At == t).Select(a => DashboardText.LevelIndex(a.Level)).DefaultIfEmpty(0).Max());
        var steps = alerts.Select(a => a.At).Concat(containments.Select(c => c.SuspendedAt)).Concat(containments.Where(c => c.ReleasedAt is not null).Select(c => c.ReleasedAt!.Value))
            .Distinct().Order().Select(t => (t, LevelAt(t))).ToList();
        var to = steps.Count == 0 ? now : Max(now, steps[^1].Item1);
        // A day at most, and no more than an hour before the first change in it: the changes stay readable.
        var day = to - TimeSpan.FromDays(1);
        var first = steps.Select(s => s.Item1).Where(t => t >= day).DefaultIfEmpty(day).Min();
        var from = Max(day, first - TimeSpan.FromHours(1));
        to += (to - from) / 20;

        var rows = await db.JournalEntries.AsNoTracking().Where(e => e.ProfessionalId == id && e.PatientId != null && e.Time >= from && e.Time <= to)
            .OrderByDescending(e => e.Sequence).Take(20_000).Select(e => new { e.Sequence, e.Time, e.Action, e.PatientId }).ToListAsync(ct).ConfigureAwait(false);
        var reads = rows.Select(r => new ScopeEntry(r.Sequence, r.Time, id, null, null, null, (JournalAction)r.Action, new PatientId(r.PatientId!), DisclosedData.Identity, true)).ToList();
        return new Activity(from, to, steps, reads);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static void AppendCharts(StringBuilder html, Activity activity, TimeZoneInfo zone)
    {
        html.Append("<h2>Risque dans le temps</h2>\n<div class=\"graphique\">");
        html.Append(SvgCharts.LevelsOverTime("Niveau de confinement décidé par la détection", activity.Steps, DashboardText.LevelLabels, activity.From, activity.To, zone));
        html.Append("</div>\n<h2>Activité dans le temps</h2>\n<p class=\"discret\">Entrées du journal portant sur un patient (nombres seulement).</p>\n<div class=\"graphique\">");
        html.Append(activity.Reads.Count == 0 ? "<p>Aucune entrée du journal portant sur un patient dans cette période.</p>" : SvgCharts.DisclosuresOverTime(activity.Reads, zone, activity.From, activity.To)).Append("</div>\n");
    }

    private static void AppendContainments(StringBuilder html, List<ContainmentRow> containments, TimeZoneInfo zone)
    {
        html.Append("<h2>Suspensions</h2>\n<table>\n<caption>Suspensions et levées</caption>\n<thead><tr><th scope=\"col\">Portée</th><th scope=\"col\">Depuis</th><th scope=\"col\">Motifs</th>");
        html.Append("<th scope=\"col\">Par</th><th scope=\"col\">Appliquée</th><th scope=\"col\">Levée</th></tr></thead>\n<tbody>\n");
        foreach (var c in containments.Select(ContainmentView.From))
        {
            html.Append("<tr><td>").Append(c.Scope == "account" ? "compte" : "session").Append("</td><td>").Append(Encode(FrenchText.DateTime(c.SuspendedAt, zone))).Append("</td><td>");
            html.Append(Encode(DashboardText.Reasons(c.Reasons))).Append("</td><td>").Append(Encode(c.SuspendedBy)).Append("</td><td>").Append(c.Enforced ? "oui" : "non (observation)").Append("</td><td>");
            html.Append(c.ReleasedAt is { } at ? Encode(FrenchText.DateTime(at, zone) + " par " + c.ReleasedBy) : "<strong>en cours</strong>").Append("</td></tr>\n");
        }

        if (containments.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\">Aucune suspension.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
