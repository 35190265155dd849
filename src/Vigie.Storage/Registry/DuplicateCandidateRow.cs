namespace Vigie.Storage.Registry;

/// <summary>A suspected pair of regional identities awaiting a human decision. Never merged automatically.</summary>
public sealed class DuplicateCandidateRow
{
    public long Id { get; set; }

    /// <summary>The lower of the two ids (ordinal), so that a pair is stored once.</summary>
    public required string IdentityA { get; set; }
    public required string IdentityB { get; set; }
    public double Score { get; set; }
    public int Grade { get; set; }
    public DuplicateStatus Status { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
}

public enum DuplicateStatus
{
    Open = 0,
    Merged = 1,
    Rejected = 2,
}
