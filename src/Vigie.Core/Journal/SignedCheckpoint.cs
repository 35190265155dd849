namespace Vigie.Core.Journal;

/// <summary>A checkpoint and its signed note (the text stored, sent to witnesses and verified).</summary>
/// <param name="Checkpoint">The tree head.</param>
/// <param name="Note">The C2SP signed note: the checkpoint text, a blank line, the signature line.</param>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, string Note);
