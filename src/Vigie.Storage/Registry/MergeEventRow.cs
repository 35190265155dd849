namespace Vigie.Storage.Registry;

/// <summary>
/// A merge or unmerge. A merge records which local records it moved, so that unmerge restores exactly
/// the state before it, even after later registrations.
/// </summary>
public sealed class MergeEventRow
{
    public long Id { get; set; }
    public MergeEventKind Kind { get; set; }

    /// <summary>The identity that was merged away (made inactive).</summary>
    public required string SourceId { get; set; }

    /// <summary>The surviving identity.</summary>
    public required string TargetId { get; set; }

    /// <summary>Ids of the local records moved from source to target, comma-separated.</summary>
    public required string MovedLocalRecordIds { get; set; }

    /// <summary>For an unmerge, the merge it reverses.</summary>
    public long? Reverses { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum MergeEventKind
{
    Merge = 0,
    Unmerge = 1,
}
