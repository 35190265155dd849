namespace Vigie.Core.Journal;

/// <summary>How the journaled action ended.</summary>
/// <remarks>The numeric values are part of the journal's byte encoding and never change.</remarks>
public enum JournalOutcome
{
    /// <summary>Done; any data named in <see cref="JournalEntry.Disclosed"/> was sent.</summary>
    Success = 0,

    /// <summary>Refused by the access policy (role, establishment, purpose).</summary>
    DeniedByPolicy = 1,

    /// <summary>Refused by risk detection (rate, pattern, containment in force).</summary>
    DeniedByRisk = 2,

    /// <summary>The patient or resource did not exist.</summary>
    NotFound = 3,

    /// <summary>Failed for another reason (invalid request, server error).</summary>
    Failed = 4,
}
