using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>Proof for the caller that its entries are durable: their sequence numbers, and the checkpoint signed with them if any.</summary>
/// <param name="FirstSequence">The first entry's sequence number; the others follow it.</param>
/// <param name="Count">The number of entries.</param>
/// <param name="Checkpoint">The checkpoint committed in the same transaction, if one was due.</param>
public sealed record JournalReceipt(long FirstSequence, int Count, SignedCheckpoint? Checkpoint);
