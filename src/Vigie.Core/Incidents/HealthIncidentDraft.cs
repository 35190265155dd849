namespace Vigie.Core.Incidents;

/// <summary>
/// A draft of the declaration of a serious information-systems security incident to the ARS, made on the portal
/// for reporting adverse health events (signalement.social-sante.gouv.fr) and handled with CERT Santé (public
/// health code, art. L.1111-8-2 and R.1111-21 ff.). In French, following what the portal's form asks as best known;
/// a draft for a human to review and to enter on the portal.
/// </summary>
/// <param name="Title">Heading.</param>
/// <param name="DraftNotice">Says it is a draft and where to file it.</param>
/// <param name="Incident">The incident's reference.</param>
/// <param name="Portal">The reporting portal's address.</param>
/// <param name="Organisation">The declaring organisation and its contacts.</param>
/// <param name="Clock">The 72-hour clock (GDPR), shown here too; this declaration itself is due without delay.</param>
/// <param name="ClockText">The clock in words.</param>
/// <param name="EventType">Type of event, as the portal lists it.</param>
/// <param name="DetectedAt">Detection.</param>
/// <param name="Start">First disclosure in scope, if any.</param>
/// <param name="End">Last disclosure in scope, if any.</param>
/// <param name="Description">What happened.</param>
/// <param name="AffectedSystems">Systems concerned.</param>
/// <param name="PatientCareImpact">Impact on patient care.</param>
/// <param name="Impacts">Confidentiality, integrity, availability.</param>
/// <param name="DataCategories">Data categories, with people and records.</param>
/// <param name="People">People concerned.</param>
/// <param name="Records">Records concerned.</param>
/// <param name="SuspectedOrigin">Suspected origin (malicious act, error…).</param>
/// <param name="MeasuresTaken">Protective measures taken.</param>
/// <param name="MeasuresProposed">Measures planned.</param>
/// <param name="OtherDeclarations">Related declarations (CNIL, complaint, ANSSI).</param>
/// <param name="SupportRequested">Support asked of CERT Santé.</param>
/// <param name="ToComplete">What a human must still fill in or check.</param>
public sealed record HealthIncidentDraft(
    string Title,
    string DraftNotice,
    string Incident,
    string Portal,
    OrganisationProfile Organisation,
    DeclarationClock Clock,
    string ClockText,
    string EventType,
    DateTimeOffset DetectedAt,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string Description,
    IReadOnlyList<string> AffectedSystems,
    string PatientCareImpact,
    IReadOnlyList<DraftImpact> Impacts,
    IReadOnlyList<DraftCategory> DataCategories,
    int People,
    int Records,
    string SuspectedOrigin,
    IReadOnlyList<string> MeasuresTaken,
    IReadOnlyList<string> MeasuresProposed,
    IReadOnlyList<string> OtherDeclarations,
    string SupportRequested,
    IReadOnlyList<string> ToComplete);
