namespace Vigie.Core.Journal;

/// <summary>What a journal entry records. A denial keeps the action that was attempted and says so in the outcome.</summary>
/// <remarks>
/// The numeric values are written into every entry's bytes (<see cref="JournalEntryEncoding"/>): never renumber
/// or reuse one. New actions take new numbers; a reader of an older version sees an undefined value, not an error.
/// </remarks>
public enum JournalAction
{
    /// <summary>A read of one patient (FHIR read).</summary>
    Read = 1,

    /// <summary>A search (PDQm); one entry per patient returned.</summary>
    Search = 2,

    /// <summary>A <c>$match</c> (ITI-119); one entry per patient returned.</summary>
    Match = 3,

    /// <summary>A cross-reference query (PIXm, ITI-83).</summary>
    CrossReference = 4,

    /// <summary>A disclosure of contact data (phone, email, address) of one patient.</summary>
    ContactDisclosure = 5,

    /// <summary>A patient record created.</summary>
    Create = 10,

    /// <summary>A patient record updated.</summary>
    Update = 11,

    /// <summary>Patients shown in the duplicate review queue (identity vigilance); one entry per patient shown.</summary>
    DuplicateReview = 14,

    /// <summary>Two identities merged.</summary>
    Merge = 12,

    /// <summary>A merge undone.</summary>
    Unmerge = 13,

    /// <summary>A professional signed in.</summary>
    SignIn = 20,

    /// <summary>A stronger authentication was requested or obtained (RFC 9470 step-up).</summary>
    StepUp = 21,

    /// <summary>A containment action (an account, session or establishment blocked).</summary>
    Containment = 30,

    /// <summary>A containment lifted.</summary>
    ContainmentRelease = 31,

    /// <summary>The journal itself was read (AuditEvent search by a security officer).</summary>
    AuditQuery = 40,

    /// <summary>The journal was exported.</summary>
    AuditExport = 41,

    /// <summary>Entries older than the retention period were pruned.</summary>
    RetentionPrune = 42,

    /// <summary>An administrative action on no patient (establishments, professionals, policy).</summary>
    Administer = 50,
}
