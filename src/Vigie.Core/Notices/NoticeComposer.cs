namespace Vigie.Core.Notices;

/// <summary>
/// Writes the Art. 34 notice to one affected person, in plain French: what happened, the likely consequences, the
/// measures taken, how to protect oneself from the phishing that follows such a breach, how to check the message on
/// the portal (an address to type, never a link), and the DPO contact. It never asks for anything but typing the
/// reference on the portal, and never points to a sign-in page.
/// </summary>
public static class NoticeComposer
{
    /// <summary>The notice for <paramref name="target"/>; <paramref name="facts"/> must have passed <see cref="NoticeFacts.Check"/>.</summary>
    public static NoticeDocument Compose(NoticeFacts facts, NotificationTarget target, VerificationReference reference)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(target);
        var name = target.DisplayName?.Trim();
        var greeting = string.IsNullOrEmpty(name) ? "Madame, Monsieur," : "Bonjour " + name + ",";
        var sections = new List<NoticeSection>
        {
            new(null, ["Comme la loi nous y oblige (article 34 du règlement général sur la protection des données), nous vous informons d'un incident de sécurité qui concerne vos données personnelles."], []),
            new("Ce qui s'est passé",
            [
                NoticeSentences.Nature(facts) + " Nous avons détecté cet incident le " + FrenchDates.Long(facts.DetectedOn) + ".",
                "Les données suivantes vous concernant ont été consultées : " + NoticeSentences.Exposed(target.Exposed) + ".",
                "Aucune donnée médicale n'est concernée : ce serveur ne contient que des données d'identité et de contact.",
            ], []),
            new("Les conséquences possibles", [.. NoticeSentences.Consequences(target.Exposed)], []),
            new("Les mesures prises", [], [.. facts.Measures.Distinct().Select(NoticeSentences.Measure)]),
            new("Comment vous protéger", ["Vous n'avez rien à faire à la suite de ce message, sinon rester vigilant :"], NoticeSentences.Advice()),
            new("Vérifier que ce message vient bien de nous",
            [
                "Référence de ce message : " + reference,
                "Tapez vous-même l'adresse " + facts.PortalAddress + " dans votre navigateur, puis saisissez cette référence : le site vous dira si ce message vient bien de nous. Aucune connexion ne vous sera demandée, ni identifiant ni mot de passe.",
            ], []),
            new("Vos questions et vos droits",
            [
                "Pour toute question, écrivez à notre délégué à la protection des données : " + DpoLine(facts.Dpo) + ".",
                "Vous pouvez aussi adresser une réclamation à la CNIL.",
            ], []),
        };
        return new NoticeDocument("Incident de sécurité : information sur vos données personnelles (" + facts.OrganisationShort + ")", greeting, sections, facts.Organisation, reference);
    }

    private static string DpoLine(DpoContact dpo)
    {
        var line = dpo.Email;
        if (!string.IsNullOrWhiteSpace(dpo.Phone))
        {
            line += ", par téléphone au " + dpo.Phone;
        }

        if (dpo.PostalLines.Count > 0)
        {
            line += ", ou par courrier : " + string.Join(", ", dpo.PostalLines);
        }

        return line;
    }
}
