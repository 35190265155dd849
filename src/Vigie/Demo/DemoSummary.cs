using System.Globalization;
using Vigie.Seeding;

namespace Vigie.Demo;

/// <summary>The demo's closing figures, in French.</summary>
internal sealed class DemoSummary(DemoScore score, SeedPipeline.Outcome seeded, DemoFinale.Result finale, int ownerEmails, bool septemberOnly)
{
    private static readonly CultureInfo Fr = French.Culture;

    /// <summary>Every attacker session was contained, nothing failed on the server side, the scope is exact and the journal verifies.</summary>
    public bool Success => score.Failures == 0 && score.Attackers().All(a => a.Contained) && finale.ScopeMatches && finale.JournalVerifies;

    public void Print(DemoConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Title("Résumé");
        console.Line(string.Format(Fr, "Registre : {0:N0} identités ({1:N0} dossiers locaux, {2} canaris), {3} professionnels ; historique : {4:N0} requêtes, {5:N0} entrées de journal",
            seeded.Registry.Identities, seeded.Registry.Records, seeded.Registry.Canaries, seeded.Registry.Professionals, seeded.History.Requests, seeded.History.Entries));
        console.Line(string.Format(Fr, "Journée rejouée : {0:N0} requêtes, dont {1:N0} de l'attaquant ; {2} en échec côté serveur", score.Requests, score.AttackRequests, score.Failures));
        console.Line("Par compte usurpé : patients obtenus avant le premier confinement / en tout, et ce qui l'a arrêté :");
        foreach (var a in score.Attackers())
        {
            var first = a.Contained ? a.ContainedBy!.Value.Label() + " à " + console.Local(a.ContainedAt!.Value).ToString("HH:mm", Fr) : "jamais confiné";
            var end = a.Over && a.SuspendedAt != a.ContainedAt ? "; " + a.SuspendedBy!.Value.Label() + " à " + console.Local(a.SuspendedAt!.Value).ToString("HH:mm", Fr) : "";
            console.Line(string.Format(Fr, "  compte {0}, session {1} : {2} / {3} patient(s) ; {4}{5}", a.Victim, a.Session, a.ExposureBeforeContainment, a.Disclosed.Count, first, end));
        }

        if (!septemberOnly)
        {
            // Issue 5's scoring per playbook: exposure is what a session got before its first containment.
            foreach (var playbook in score.Attackers().GroupBy(a => a.Playbook))
            {
                var exposures = playbook.Select(a => a.ExposureBeforeContainment).Order().ToList();
                console.Line(string.Format(Fr, "  attaque « {0} » : {1} session(s), exposition médiane {2}, maximale {3}, jamais confinée(s) : {4}",
                    playbook.Key, exposures.Count, exposures[exposures.Count / 2], exposures[^1], playbook.Count(a => !a.Contained)));
            }
        }

        var (active, steppedUp, blocked, undisturbed, policy) = score.Legitimate();
        console.Line(string.Format(Fr, "Professionnels légitimes : {0} actifs, {1} jamais dérangés par la détection ; {2} journée(s)-utilisateur avec ré-authentification demandée par la détection, {3} avec blocage",
            active, undisturbed, steppedUp, blocked));
        console.Line(string.Format(Fr, "  (hors détection : {0} journée(s)-utilisateur où la politique d'accès a demandé une connexion plus récente, comme pour toute longue session)", policy));
        console.Line(string.Format(Fr, "Titulaires des comptes confinés prévenus par courriel (« était-ce vous ? ») : {0}", ownerEmails));
        console.Line(string.Format(Fr, "Incident {0} : périmètre {1} personne(s) ({2}) ; {3} notification(s) envoyée(s) dont {4} courriel(s) ; journal vérifié : {5}",
            finale.Incident ?? "aucun", finale.ScopePeople, finale.ScopeMatches ? "égal à ce que les sessions alertées ont reçu" : "DIFFÉRENT de ce que les sessions alertées ont reçu (" + finale.AttackerPeople + ")",
            finale.Notices, finale.Emails, finale.JournalVerifies ? "oui" : "NON"));
        if (finale.UnalertedSessions > 0)
        {
            console.Line(string.Format(Fr, "Attention : {0} session(s) d'attaquant sans alerte, {1} patient(s) reçus hors périmètre de l'incident", finale.UnalertedSessions, finale.UnalertedPeople));
        }

        console.Line("Dossier de l'incident : " + finale.Folder);
    }
}
