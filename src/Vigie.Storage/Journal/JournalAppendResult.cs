using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>What one append transaction made durable.</summary>
/// <param name="FirstSequence">The sequence number of the first entry appended (the rest follow without gaps).</param>
/// <param name="Count">The number of entries appended.</param>
/// <param name="TreeSize">The journal's size after the append.</param>
/// <param name="Checkpoint">The checkpoint signed in the same transaction, if one was due.</param>
public sealed record JournalAppendResult(long FirstSequence, int Count, long TreeSize, SignedCheckpoint? Checkpoint);
