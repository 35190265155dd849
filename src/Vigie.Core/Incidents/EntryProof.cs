using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>An inclusion proof of one scope entry in the tree of a signed checkpoint.</summary>
/// <param name="Sequence">The entry's journal index.</param>
/// <param name="Proof">The RFC 9162 audit path.</param>
/// <param name="Verified">True when the path leads from the stored entry's bytes to the checkpoint's root.</param>
public sealed record EntryProof(long Sequence, InclusionProof Proof, bool Verified);
