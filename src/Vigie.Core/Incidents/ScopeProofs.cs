using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>The evidence that a scope's entries are in the signed journal.</summary>
/// <param name="Checkpoint">The latest signed checkpoint when the scope was computed, or null when none was signed yet.</param>
/// <param name="Proofs">One proof per scope entry the checkpoint covers, by ascending journal index.</param>
/// <param name="Pending">Scope entries newer than the checkpoint: provable once the next checkpoint is signed (at most a second under load).</param>
public sealed record ScopeProofs(SignedCheckpoint? Checkpoint, IReadOnlyList<EntryProof> Proofs, int Pending)
{
    /// <summary>True when every proof given verifies.</summary>
    public bool AllVerified => Proofs.All(p => p.Verified);
}
