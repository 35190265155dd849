namespace Vigie.Core.Incidents;

/// <summary>Both declaration drafts of an incident.</summary>
/// <param name="Cnil">GDPR Art. 33 notification draft.</param>
/// <param name="HealthIncident">ARS / CERT Santé declaration draft.</param>
public sealed record DeclarationSet(CnilNotificationDraft Cnil, HealthIncidentDraft HealthIncident);
