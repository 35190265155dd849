namespace Vigie.Core.Incidents;

/// <summary>
/// The exact breach scope: every patient disclosed in the window to a named account, session, IP or user agent,
/// according to the journal as it stood at <see cref="JournalSize"/> entries.
/// </summary>
/// <param name="Window">The window examined.</param>
/// <param name="Selectors">What was named.</param>
/// <param name="JournalSize">Journal entries when the scope was computed (entries at or after this index are not in it).</param>
/// <param name="Patients">The patients, by id.</param>
/// <param name="Entries">The disclosure entries, by journal index.</param>
/// <param name="Summary">The counts.</param>
/// <param name="Integrity">What could make the scope less than exact.</param>
/// <param name="Proofs">Inclusion proofs of the entries, when asked for.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record IncidentScope(
    TimeWindow Window,
    IncidentSelectors Selectors,
    long JournalSize,
    IReadOnlyList<ExposedPatient> Patients,
    IReadOnlyList<ScopeEntry> Entries,
    ScopeSummary Summary,
    ScopeIntegrity Integrity,
    ScopeProofs? Proofs,
    DateTimeOffset ComputedAt);
