namespace Vigie.Core.Journal;

/// <summary>What the verifier trusts: the checkpoint key, and optionally the seal key (which only the journal's owner has).</summary>
/// <param name="Key">The public key checkpoints must be signed with.</param>
/// <param name="SealKey">The <see cref="EntrySeal"/> key; empty to verify with the public key only (checkpoint granularity).</param>
public sealed record JournalTrust(CheckpointKey Key, ReadOnlyMemory<byte> SealKey = default);
