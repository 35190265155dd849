namespace Vigie.Storage.Journal;

/// <summary>Filters of a journal search (AuditEvent <c>patient</c>, <c>agent</c>, <c>date</c>), all optional, combined with AND.</summary>
/// <param name="PatientId">Entries about this patient.</param>
/// <param name="ProfessionalId">Entries by this professional.</param>
/// <param name="From">Entries at or after this time.</param>
/// <param name="To">Entries strictly before this time.</param>
/// <param name="AfterSequence">Paging: entries after this sequence number.</param>
/// <param name="Limit">At most this many entries.</param>
public sealed record JournalSearch(
    string? PatientId = null,
    string? ProfessionalId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long AfterSequence = -1,
    int Limit = 100);
