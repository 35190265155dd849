namespace Vigie.Storage.Registry;

/// <summary>
/// One blocking key of an identity. Candidate retrieval for a new record is an index lookup on
/// <see cref="Key"/>; keys are stable 64-bit hashes computed by Core's BlockingKeys.
/// </summary>
public sealed class BlockingKeyRow
{
    public long Key { get; set; }
    public required string IdentityId { get; set; }
}
