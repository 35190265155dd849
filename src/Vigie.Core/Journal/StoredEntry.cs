namespace Vigie.Core.Journal;

/// <summary>One journal row as storage holds it, handed to the verifier in sequence order.</summary>
/// <param name="Sequence">The entry's position in the log (its leaf index), from 0.</param>
/// <param name="Entry">The canonical bytes (<see cref="JournalEntryEncoding"/>).</param>
/// <param name="LeafHash">The stored leaf hash, checked against the bytes; empty when storage keeps none.</param>
/// <param name="Seal">The stored <see cref="EntrySeal"/>; empty when storage keeps none.</param>
/// <param name="Index">The stored index columns, checked against the bytes; null when not kept.</param>
public readonly record struct StoredEntry(
    long Sequence,
    ReadOnlyMemory<byte> Entry,
    ReadOnlyMemory<byte> LeafHash = default,
    ReadOnlyMemory<byte> Seal = default,
    JournalEntryIndex? Index = null);
