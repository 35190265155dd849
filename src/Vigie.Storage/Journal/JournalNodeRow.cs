namespace Vigie.Storage.Journal;

/// <summary>
/// The hash of a completed perfect subtree of 256 leaves or more (level ≥ 8). About one row per 128 entries;
/// with them any inclusion or consistency proof reads a few dozen rows and at most two blocks of 256 leaf hashes.
/// </summary>
public sealed class JournalNodeRow
{
    public const int MinLevel = 8;

    public int Level { get; set; }
    public long NodeIndex { get; set; }
    public required byte[] Hash { get; set; }
}
