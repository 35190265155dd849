using System.Globalization;
using System.Text;
using Vigie.Core.Journal;
using Vigie.Journal;
using Vigie.Registry;
using Vigie.Storage;
using static Vigie.Dashboard.DashboardPage;

namespace Vigie.Dashboard;

/// <summary>
/// The registry's duplicate review queue, first pairs. It shows patients' regional and local identifiers, so it
/// needs the same permission as GET /admin/duplicates (Administer: identity vigilance, with a recent sign-in) and
/// journals the shown patients the same way (DuplicateReview, identity disclosed) before the page is written.
/// </summary>
internal static class DuplicatesPage
{
    private const int Shown = 200;

    public static async Task<IResult> ShowAsync(HttpContext http, VigieDbContext db, CancellationToken ct)
    {
        var lines = new List<DuplicateReport.Line>(Shown);
        await foreach (var line in DuplicateReport.ReadAsync(db, includeLinked: false, includeResolved: false, ct).ConfigureAwait(false))
        {
            lines.Add(line);
            if (lines.Count == Shown)
            {
                break;
            }
        }

        var ids = lines.SelectMany(l => l.IdentityB is null ? [l.IdentityA] : new[] { l.IdentityA, l.IdentityB }).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > 0)
        {
            await http.JournalAsync(JournalAction.DuplicateReview, ids, DisclosedData.Identity).ConfigureAwait(false);
        }

        var html = new StringBuilder("<h1>File de doublons</h1>\n<p>Paires d'identités suspectées d'être la même personne, à examiner par l'identitovigilance (au plus ");
        html.Append(Shown).Append(" ; la file complète : <code>GET /admin/duplicates</code> ou <code>vigie duplicates</code>). Cette consultation est inscrite au journal.</p>\n");
        html.Append("<table>\n<caption>Paires ouvertes</caption>\n<thead><tr><th scope=\"col\">Identité A</th><th scope=\"col\">Identifiants locaux A</th><th scope=\"col\">Identité B</th>");
        html.Append("<th scope=\"col\">Identifiants locaux B</th><th scope=\"col\" class=\"nombre\">Score</th><th scope=\"col\">Degré</th></tr></thead>\n<tbody>\n");
        foreach (var l in lines)
        {
            html.Append("<tr><td>").Append(Encode(l.IdentityA)).Append("</td><td>").Append(Encode(string.Join(", ", l.LocalA))).Append("</td><td>").Append(Encode(l.IdentityB));
            html.Append("</td><td>").Append(Encode(string.Join(", ", l.LocalB))).Append("</td><td class=\"nombre\">").Append(l.Score.ToString("0.000", CultureInfo.InvariantCulture).Replace('.', ','));
            html.Append("</td><td>").Append(Encode(l.Grade)).Append("</td></tr>\n");
        }

        if (lines.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\">La file est vide.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return new DashboardPage("File de doublons", html.ToString(), "doublons");
    }
}
