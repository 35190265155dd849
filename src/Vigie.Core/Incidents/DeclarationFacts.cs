using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>
/// The wording both declarations share, derived from the incident and its scope only: what was named, what the
/// journal shows, the consequences each exposed category makes likely, and the measures that follow from the
/// incident's status. Kept apart so the two drafts never disagree.
/// </summary>
public static class DeclarationFacts
{
    /// <summary>The categories with their counts, in declaration order, only those exposed.</summary>
    public static IReadOnlyList<DraftCategory> Categories(ScopeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [.. summary.Categories.Where(c => c.People > 0)
            .Select(c => new DraftCategory(FrenchText.CategoryCode(c.Category), FrenchText.Category(c.Category), c.People, c.Records))];
    }

    /// <summary>Who the data went to, in words: "2 comptes de professionnels, 1 adresse IP".</summary>
    public static string Named(IncidentSelectors selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var parts = new List<string>();
        if (selectors.Accounts.Count > 0)
        {
            parts.Add(FrenchText.Plural(selectors.Accounts.Count, "compte utilisateur", "comptes utilisateurs"));
        }

        if (selectors.Sessions.Count > 0)
        {
            parts.Add(FrenchText.Plural(selectors.Sessions.Count, "session", "sessions"));
        }

        if (selectors.ClientIps.Count > 0)
        {
            parts.Add(FrenchText.Plural(selectors.ClientIps.Count, "adresse IP", "adresses IP"));
        }

        if (selectors.UserAgents.Count > 0)
        {
            parts.Add(FrenchText.Plural(selectors.UserAgents.Count, "client logiciel (user agent)", "clients logiciels (user agents)"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>How the incident came to light.</summary>
    public static string Discovery(Incident incident, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var when = FrenchText.DateTime(incident.DetectedAt, zone) + " (" + FrenchText.ZoneName(zone) + ")";
        return incident.Origin switch
        {
            IncidentOrigin.Alert => $"Violation détectée le {when} par le moteur de détection de Vigie (alerte {incident.AlertId}).",
            IncidentOrigin.CanaryContact => $"Violation détectée le {when} : un contact témoin (« canari ») communiqué uniquement par Vigie a été utilisé ou signalé.",
            _ => $"Violation constatée le {when} et enregistrée par l'équipe de sécurité.",
        };
    }

    /// <summary>How the numbers were obtained, and what limits them.</summary>
    public static string CountsNote(IncidentScope scope, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var note = "Nombres exacts, établis à partir du journal d'accès infalsifiable de Vigie (journal de Merkle à points de contrôle signés) : "
                   + "chaque personne comptée a fait l'objet d'au moins une communication journalisée dans la fenêtre du "
                   + FrenchText.DateTime(scope.Window.From, zone) + " au " + FrenchText.DateTime(scope.Window.To, zone)
                   + ", à " + Named(scope.Selectors) + " désignés par l'incident ; chaque entrée est accompagnée d'une preuve d'inclusion. "
                   + "Ils peuvent augmenter si le périmètre est étendu (autres comptes ou adresses identifiés).";
        if (scope.Integrity.Unreadable > 0 || scope.Integrity.NotIntact > 0)
        {
            note += " Attention : " + FrenchText.Number(scope.Integrity.Unreadable + scope.Integrity.NotIntact)
                    + " entrée(s) du journal ne sont pas intègres ; une vérification complète (vigie audit verify) est nécessaire avant dépôt.";
        }

        if (scope.Integrity.WindowPredatesRetention)
        {
            note += " Le début de la fenêtre précède la durée de conservation du journal : les accès plus anciens ne peuvent plus être établis.";
        }

        return note;
    }

    /// <summary>The consequences each exposed category makes likely.</summary>
    public static IReadOnlyList<string> Consequences(ScopeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var exposed = summary.Categories.Where(c => c.People > 0).Aggregate(DisclosedData.None, (a, c) => a | c.Category);
        var lines = new List<string>();
        if (exposed == DisclosedData.None)
        {
            return ["Aucune donnée de personne communiquée à ce stade du périmètre : conséquences à réévaluer si le périmètre s'étend."];
        }

        if (exposed.HasFlag(DisclosedData.Identity))
        {
            lines.Add("Hameçonnage ciblé rendu crédible par la connaissance de l'identité exacte des personnes (noms, date de naissance) et de leur lien avec un établissement de santé.");
            lines.Add("Risque d'usurpation d'identité et de fraude (ouverture de comptes, démarches administratives, fraude aux prestations sociales).");
        }

        if (exposed.HasFlag(DisclosedData.Phone))
        {
            lines.Add("Appels et SMS frauduleux se présentant comme un établissement de santé, l'Assurance maladie ou une mutuelle (demande de coordonnées bancaires, de codes).");
        }

        if (exposed.HasFlag(DisclosedData.Email))
        {
            lines.Add("Courriels d'hameçonnage personnalisés, avec liens vers de faux sites de connexion.");
        }

        if (exposed.HasFlag(DisclosedData.Address))
        {
            lines.Add("Courriers frauduleux et démarchage à domicile ; atteinte à la vie privée des personnes dont l'adresse doit rester confidentielle.");
        }

        lines.Add("Aucune donnée médicale (diagnostic, traitement, compte rendu) n'est détenue par Vigie ; la seule qualité de patient d'un établissement peut toutefois être révélée.");
        return lines;
    }

    /// <summary>The assessed risk, and therefore whether Art. 34 applies.</summary>
    public static string Severity(ScopeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.People == 0)
        {
            return "À évaluer : aucune personne dans le périmètre établi à ce stade.";
        }

        return summary.PeopleWithContactData > 0
            ? "Risque élevé pour les droits et libertés des personnes (identité associée à des coordonnées, exploitées pour l'hameçonnage) : information individuelle des personnes requise (art. 34)."
            : "Risque à évaluer : identité seule, sans coordonnées ; l'information des personnes (art. 34) est recommandée par précaution.";
    }

    /// <summary>Measures taken, from the incident's status and what Vigie has done by itself.</summary>
    public static IReadOnlyList<string> MeasuresTaken(Incident incident, IncidentScope scope)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(scope);
        var lines = new List<string>
        {
            "Ouverture de l'incident " + incident.Id + " et établissement du périmètre exact à partir du journal d'accès ("
            + FrenchText.Plural(scope.Summary.Records, "entrée", "entrées") + ", preuves d'inclusion vérifiables contre un point de contrôle signé).",
        };
        if (incident.Status >= IncidentStatus.Contained)
        {
            lines.Add("Blocage des comptes, sessions et adresses IP en cause (" + Named(incident.Selectors) + ").");
        }

        if (incident.Status >= IncidentStatus.Declared)
        {
            lines.Add("Déclarations aux autorités effectuées.");
        }

        return lines;
    }

    /// <summary>Measures proposed, those not yet taken first.</summary>
    public static IReadOnlyList<string> MeasuresProposed(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var lines = new List<string>();
        if (incident.Status < IncidentStatus.Contained)
        {
            lines.Add("Bloquer sans délai les comptes, sessions et adresses IP en cause (" + Named(incident.Selectors) + ").");
        }

        lines.Add("Faire renouveler les moyens d'authentification des comptes compromis (Pro Santé Connect : carte CPS / e-CPS) et vérifier les postes des professionnels concernés.");
        lines.Add("Informer individuellement chaque personne concernée (art. 34) : message en langage clair portant une référence de vérification, sans lien de connexion ni demande de données, avec des conseils contre l'hameçonnage.");
        lines.Add("Ouvrir le portail public de vérification des messages et de signalement des tentatives d'hameçonnage.");
        lines.Add("Déposer plainte et conserver les éléments de preuve (extraits du journal, points de contrôle signés, preuves d'inclusion).");
        lines.Add("Examiner les comptes proposés par pivot (mêmes adresses IP ou clients logiciels) et étendre le périmètre si nécessaire.");
        lines.Add("Abaisser les seuils de détection (volume et rythme de consultation par compte) et vérifier l'intégrité complète du journal.");
        return lines;
    }
}
