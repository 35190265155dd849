namespace Vigie.Core.Journal;

/// <summary>The outcome of recomputing a journal: valid, or the first fault found.</summary>
/// <param name="Fault">The first fault, or null when everything checked out.</param>
/// <param name="FirstEntry">The first entry held (non-zero after pruning).</param>
/// <param name="EntriesChecked">The entries recomputed before the verdict.</param>
/// <param name="TreeSize">The tree size reached.</param>
/// <param name="Root">The recomputed root at <see cref="TreeSize"/>.</param>
/// <param name="CheckpointsChecked">The signed checkpoints whose root was compared.</param>
/// <param name="CheckpointsBeforeBoundary">Signed checkpoints older than the retention boundary: their signature was checked, their entries are gone.</param>
/// <param name="LastCheckpointSize">The size of the last checkpoint that matched (entries beyond it are covered only by seals, if checked).</param>
/// <param name="SealsChecked">True when every entry's seal was checked.</param>
public sealed record JournalVerification(
    JournalFault? Fault,
    long FirstEntry,
    long EntriesChecked,
    long TreeSize,
    MerkleHash Root,
    int CheckpointsChecked,
    int CheckpointsBeforeBoundary,
    long LastCheckpointSize,
    bool SealsChecked)
{
    /// <summary>True when no fault was found.</summary>
    public bool IsValid => Fault is null;
}
