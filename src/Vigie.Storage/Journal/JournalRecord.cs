using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>A stored entry read back, decoded from its evidence bytes (never from the index columns).</summary>
/// <param name="Sequence">Its position in the log.</param>
/// <param name="Entry">The decoded entry.</param>
/// <param name="Intact">True when its bytes, leaf hash, seal and index columns agree (checked with the seal key); a false here calls for a full verification.</param>
public sealed record JournalRecord(long Sequence, JournalEntry Entry, bool Intact);
