using System.Text;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Incidents;
using Vigie.Storage;
using Vigie.Storage.Journal;
using static Vigie.Dashboard.DashboardPage;

namespace Vigie.Dashboard;

/// <summary>
/// The access journal's state: the latest signed checkpoint, and on request (it reads the whole journal) the same
/// verification as `vigie audit verify`, with the witness file's checkpoints when the server writes one.
/// </summary>
internal static class JournalPage
{
    public static async Task<IResult> ShowAsync(bool? verifier, VigieDbContext db, IncidentJournalKey key, Hosting.VigieSettings settings, IncidentServices.Organisation organisation, CancellationToken ct)
    {
        var zone = organisation.Zone;
        var html = new StringBuilder("<h1>Journal d'accès</h1>\n");
        if (key.Trust is not { } trust)
        {
            html.Append("<p>Ce serveur n'a pas encore de clé de journal : aucune entrée n'a été signée.</p>\n");
            return new DashboardPage("Journal", html.ToString(), "journal");
        }

        html.Append("<h2>Dernier point de contrôle signé</h2>\n");
        if (await JournalQueries.LatestCheckpointAsync(db, trust.Key, ct).ConfigureAwait(false) is { } latest)
        {
            var c = latest.Checkpoint;
            html.Append("<dl>\n<dt>Signé le</dt><dd>").Append(Encode(FrenchText.DateTime(c.Time, zone))).Append("</dd>\n<dt>Entrées couvertes</dt><dd>").Append(FrenchText.Number(c.TreeSize));
            html.Append("</dd>\n<dt>Origine</dt><dd>").Append(Encode(c.Origin)).Append("</dd>\n<dt>Racine de l'arbre de Merkle</dt><dd><code>").Append(Encode(c.Root.ToString())).Append("</code></dd>\n</dl>\n");
            html.Append("<details><summary>Note signée (pour un auditeur extérieur)</summary>\n<pre>").Append(Encode(latest.Note)).Append("</pre></details>\n");
        }
        else
        {
            html.Append("<p>Aucun point de contrôle signé pour le moment.</p>\n");
        }

        html.Append("<h2>Vérification</h2>\n");
        if (verifier != true)
        {
            html.Append("<p>La vérification recalcule tout le journal (arbre de Merkle, sceaux, points de contrôle), comme <code>vigie audit verify</code>. ");
            html.Append("<a href=\"").Append(Root).Append("/journal?verifier=true\">Vérifier le journal maintenant</a></p>\n");
            return new DashboardPage("Journal", html.ToString(), "journal");
        }

        var witnessed = settings.Journal.WitnessFile is { Length: > 0 } file && File.Exists(file) ? FileCheckpointWitness.ReadAll(file) : [];
        var result = await JournalAudit.VerifyAsync(db, trust, witnessed, ct).ConfigureAwait(false);
        html.Append(result.IsValid
            ? "<p class=\"resultat succes\" role=\"status\"><strong>Le journal est intègre.</strong></p>\n"
            : "<p class=\"erreur\" role=\"alert\"><strong>Le journal ne vérifie pas : </strong>" + Encode(Fault(result.Fault!)) + "</p>\n");
        html.Append("<ul>\n<li>").Append(Encode(FrenchText.Plural(result.EntriesChecked, "entrée vérifiée", "entrées vérifiées"))).Append(" (à partir de la n° ").Append(FrenchText.Number(result.FirstEntry));
        html.Append(")</li>\n<li>").Append(Encode(FrenchText.Plural(result.CheckpointsChecked, "point de contrôle comparé", "points de contrôle comparés"))).Append(", le dernier à ").Append(FrenchText.Number(result.LastCheckpointSize));
        html.Append(" entrées</li>\n<li>Sceaux des entrées : ").Append(result.SealsChecked ? "vérifiés" : "non vérifiés").Append("</li>\n</ul>\n");
        return new DashboardPage("Journal", html.ToString(), "journal");
    }

    private static string Fault(JournalFault fault) =>
        (fault.Entry is { } entry ? "première entrée qui diffère : n° " + FrenchText.Number(entry) + " ; " : "") + fault.Kind + " : " + fault.Detail;
}
