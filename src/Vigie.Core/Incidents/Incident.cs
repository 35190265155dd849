namespace Vigie.Core.Incidents;

/// <summary>An incident as stored.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">A short title (no patient data).</param>
/// <param name="Origin">How it was opened.</param>
/// <param name="AlertId">The detection alert's id, when opened from one.</param>
/// <param name="Window">The time window examined.</param>
/// <param name="Selectors">The accounts, sessions, IPs and user agents named.</param>
/// <param name="DetectedAt">When the breach became known: the 72-hour clock of GDPR Art. 33 runs from here.</param>
/// <param name="OpenedAt">When the incident was recorded.</param>
/// <param name="OpenedBy">Who recorded it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="UpdatedAt">Last change (status or selectors).</param>
public sealed record Incident(
    IncidentId Id,
    string Title,
    IncidentOrigin Origin,
    string? AlertId,
    TimeWindow Window,
    IncidentSelectors Selectors,
    DateTimeOffset DetectedAt,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    IncidentStatus Status,
    DateTimeOffset UpdatedAt);
