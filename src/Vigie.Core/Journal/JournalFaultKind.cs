namespace Vigie.Core.Journal;

/// <summary>What the verifier found wrong.</summary>
public enum JournalFaultKind
{
    /// <summary>An entry's content changed.</summary>
    EntryModified,

    /// <summary>An entry is missing (a gap, renumbered successors, or entries a checkpoint covers are gone).</summary>
    EntryDeleted,

    /// <summary>An entry that was never appended is present.</summary>
    EntryInserted,

    /// <summary>An entry sits at another entry's position.</summary>
    EntryReordered,

    /// <summary>An entry's bytes are not a valid encoding (truncated or garbage).</summary>
    EntryMalformed,

    /// <summary>An entry's index columns (time, action, professional, patient) disagree with its bytes.</summary>
    IndexMismatch,

    /// <summary>The recomputed root differs from a signed checkpoint: some entry in the range differs (without seals the verifier cannot say which).</summary>
    RootMismatch,

    /// <summary>A checkpoint is malformed, signed by another key, badly signed, or for another log.</summary>
    CheckpointInvalid,

    /// <summary>The frontier stored with a retention boundary does not match its signed root.</summary>
    BoundaryInvalid,
}
