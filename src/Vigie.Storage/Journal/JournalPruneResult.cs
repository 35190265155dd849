using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>What a prune did, or why it refused.</summary>
/// <param name="PrunedBefore">The first entry kept (0 when nothing was ever pruned).</param>
/// <param name="EntriesRemoved">The entries deleted by this call.</param>
/// <param name="Boundary">The retention-boundary checkpoint now at <paramref name="PrunedBefore"/>, if this call moved it.</param>
/// <param name="Refusal">Why nothing was deleted although entries were old enough; null otherwise.</param>
public sealed record JournalPruneResult(long PrunedBefore, long EntriesRemoved, SignedCheckpoint? Boundary, string? Refusal);
