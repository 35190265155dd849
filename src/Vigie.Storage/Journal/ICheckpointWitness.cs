using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Somewhere outside the database and the key holder's reach that keeps every checkpoint: a file on another
/// machine or a write-once volume, or an HTTP service. A history rewritten even with the signing key then no
/// longer matches what the witness holds, and the verifier says where.
/// </summary>
public interface ICheckpointWitness
{
    /// <summary>Hands over a checkpoint; throws when the witness did not keep it.</summary>
    Task SubmitAsync(SignedCheckpoint checkpoint, CancellationToken ct);
}
