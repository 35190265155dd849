namespace Vigie.Core.Incidents;

/// <summary>Builds the two declaration drafts of an incident from its scope, the organisation and the time now.</summary>
public static class Declarations
{
    /// <summary>The health-incident reporting portal (portail de signalement des événements sanitaires indésirables).</summary>
    public const string HealthPortal = "https://signalement.social-sante.gouv.fr";

    private const string CnilService = "https://notifications.cnil.fr/notifications/index";

    /// <summary>Both drafts.</summary>
    public static DeclarationSet Build(Incident incident, IncidentScope scope, OrganisationProfile organisation, TimeZoneInfo zone, DateTimeOffset now) =>
        new(Cnil(incident, scope, organisation, zone, now), HealthIncident(incident, scope, organisation, zone, now));

    /// <summary>The GDPR Art. 33 notification draft for the CNIL.</summary>
    public static CnilNotificationDraft Cnil(Incident incident, IncidentScope scope, OrganisationProfile organisation, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(organisation);
        var clock = DeclarationClock.For(incident.DetectedAt, now);
        var summary = scope.Summary;
        var toComplete = Common(organisation, clock);
        toComplete.Add("Préciser le nombre de personnes concernées hors Vigie, le cas échéant (autres systèmes de l'organisme).");
        return new CnilNotificationDraft(
            "Projet de notification d'une violation de données personnelles à la CNIL (article 33 du RGPD)",
            "PROJET généré par Vigie, à relire et compléter avant de le saisir sur le téléservice de la CNIL (" + CnilService + "). Il n'a aucune valeur de notification tant qu'il n'a pas été déposé.",
            incident.Id.ToString(),
            "Notification initiale : des informations complémentaires seront transmises par phases (article 33, paragraphe 4).",
            organisation,
            clock,
            ClockText(clock, zone),
            incident.DetectedAt,
            summary.First,
            summary.Last,
            [
                "Violation de la confidentialité : consultation et extraction de données d'identité de patients par des accès non autorisés au serveur régional d'identités Vigie.",
                "Intégrité : aucune modification constatée à ce stade. Disponibilité : non affectée.",
            ],
            Circumstances(incident, scope, zone),
            DeclarationFacts.Categories(summary),
            "Patients (usagers du système de santé) enregistrés dans le référentiel régional d'identités.",
            summary.People,
            summary.Records,
            DeclarationFacts.CountsNote(scope, zone),
            DeclarationFacts.Consequences(summary),
            DeclarationFacts.Severity(summary),
            DeclarationFacts.MeasuresTaken(incident, scope),
            DeclarationFacts.MeasuresProposed(incident),
            summary.People == 0
                ? "Sans objet à ce stade."
                : "Information individuelle prévue pour " + FrenchText.Plural(summary.People, "personne", "personnes")
                  + " par courriel, SMS ou courrier postal, chaque message portant une référence vérifiable sur le portail public de Vigie.",
            clock.Overdue ? "[À rédiger : motifs du retard au-delà de 72 heures (article 33, paragraphe 1)]" : null,
            toComplete);
    }

    /// <summary>The serious IS security incident declaration draft for the ARS / CERT Santé.</summary>
    public static HealthIncidentDraft HealthIncident(Incident incident, IncidentScope scope, OrganisationProfile organisation, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(organisation);
        var clock = DeclarationClock.For(incident.DetectedAt, now);
        var summary = scope.Summary;
        var toComplete = Common(organisation, clock);
        toComplete.Add("Confirmer l'absence d'impact sur la prise en charge des patients auprès des établissements utilisateurs.");
        toComplete.Add("Indiquer si un appui du CERT Santé est souhaité (analyse, remédiation) et si une plainte a été déposée.");
        return new HealthIncidentDraft(
            "Projet de déclaration d'incident grave de sécurité des systèmes d'information (ARS / CERT Santé)",
            "PROJET généré par Vigie, à relire et compléter avant de le saisir sur le portail de signalement des événements sanitaires indésirables ("
            + HealthPortal + "), rubrique « incident de sécurité des systèmes d'information ». La déclaration est due sans délai.",
            incident.Id.ToString(),
            HealthPortal,
            organisation,
            clock,
            ClockText(clock, zone),
            "Incident de sécurité des systèmes d'information : accès non autorisé et fuite de données personnelles (compromission de comptes)",
            incident.DetectedAt,
            summary.First,
            summary.Last,
            incident.Title + ". " + Circumstances(incident, scope, zone),
            ["Vigie, serveur régional d'identités des patients (référentiel d'identités FHIR, connexion Pro Santé Connect)"],
            "Aucun impact constaté sur la continuité de la prise en charge : le service d'identités reste disponible (à confirmer).",
            [
                new DraftImpact("Confidentialité", summary.People > 0 ? "Oui" : "À évaluer",
                    FrenchText.Plural(summary.People, "personne", "personnes") + " dont des données ont été communiquées, "
                    + FrenchText.Plural(summary.Records, "enregistrement", "enregistrements") + " au journal."),
                new DraftImpact("Intégrité", "Non constaté", "Aucune modification d'identité attribuée à l'incident à ce stade ; journal d'accès vérifiable."),
                new DraftImpact("Disponibilité", "Non constaté", "Service en fonctionnement."),
            ],
            DeclarationFacts.Categories(summary),
            summary.People,
            summary.Records,
            incident.Origin == IncidentOrigin.Manual
                ? "Acte malveillant présumé : utilisation d'identifiants de professionnels par un tiers (à confirmer par l'enquête)."
                : "Acte malveillant présumé, signalé par la détection automatique (à confirmer par l'enquête).",
            DeclarationFacts.MeasuresTaken(incident, scope),
            DeclarationFacts.MeasuresProposed(incident),
            [
                "Notification à la CNIL (article 33 du RGPD) : échéance " + FrenchText.DateTime(clock.Deadline, zone) + " (" + FrenchText.ZoneName(zone) + ").",
                "Information des personnes concernées (article 34 du RGPD) : " + (summary.PeopleWithContactData > 0 ? "requise." : "à évaluer."),
                "Dépôt de plainte : [à compléter].",
                "ANSSI : [si l'organisme est opérateur de services essentiels ou soumis à NIS 2, à compléter].",
            ],
            "[À compléter : appui souhaité du CERT Santé (qualification, investigation, remédiation) ou « aucun »]",
            toComplete);
    }

    /// <summary>"Il reste 23 h 14 min…" or "Échéance dépassée de…".</summary>
    public static string ClockText(DeclarationClock clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var deadline = FrenchText.DateTime(clock.Deadline, zone) + " (" + FrenchText.ZoneName(zone) + ")";
        return clock.Overdue
            ? "Échéance des 72 heures dépassée de " + FrenchText.Duration(clock.OverdueBy) + " (échéance : " + deadline
              + ", comptée depuis la détection). Notifier sans délai en indiquant les motifs du retard."
            : "Il reste " + FrenchText.Duration(clock.Remaining) + " avant l'échéance des 72 heures : " + deadline + ", comptée depuis la détection.";
    }

    private static string Circumstances(Incident incident, IncidentScope scope, TimeZoneInfo zone)
    {
        var text = DeclarationFacts.Discovery(incident, zone) + " Des données ont été communiquées à " + DeclarationFacts.Named(incident.Selectors)
                   + " désignés comme non légitimes";
        return scope.Summary is { First: { } first, Last: { } last }
            ? text + ", du " + FrenchText.DateTime(first, zone) + " au " + FrenchText.DateTime(last, zone) + " (" + FrenchText.ZoneName(zone) + ")."
            : text + " ; aucune communication n'a été trouvée dans la fenêtre examinée à ce stade.";
    }

    private static List<string> Common(OrganisationProfile organisation, DeclarationClock clock)
    {
        var list = organisation.Placeholders.Select(p => "Renseigner : " + p + " (configuration de l'organisme).").ToList();
        list.Add("Relire la nature, les circonstances et les conséquences décrites.");
        if (clock.Overdue)
        {
            list.Add("Rédiger les motifs du retard (échéance des 72 heures dépassée).");
        }

        return list;
    }
}
