namespace Vigie.Core.Journal;

/// <summary>A checkpoint as stored or witnessed, handed to the verifier in tree-size order.</summary>
/// <param name="TreeSize">The size the row claims; the signed note must agree.</param>
/// <param name="Note">The signed note.</param>
/// <param name="Frontier">On a retention-boundary checkpoint, the frontier at its size (<see cref="MerkleFrontier.ToBytes"/>), from which the verifier resumes; empty otherwise.</param>
public readonly record struct StoredCheckpoint(long TreeSize, string Note, ReadOnlyMemory<byte> Frontier = default);
