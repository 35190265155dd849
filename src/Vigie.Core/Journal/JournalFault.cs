namespace Vigie.Core.Journal;

/// <summary>The first thing wrong with a journal.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Entry">The first entry that differs (its sequence number), or the first of the range it lies in; null for a checkpoint fault.</param>
/// <param name="RangeEnd">The exclusive end of the range the differing entry lies in: <c>Entry + 1</c> when the entry is known exactly.</param>
/// <param name="CheckpointSize">The tree size of the checkpoint involved, if any.</param>
/// <param name="OtherEntry">For a reordering, the position the entry came from.</param>
/// <param name="Detail">A sentence for the operator.</param>
public sealed record JournalFault(JournalFaultKind Kind, long? Entry, long? RangeEnd, long? CheckpointSize, long? OtherEntry, string Detail)
{
    /// <summary>True when the differing entry is named exactly rather than as a range.</summary>
    public bool IsExact => Entry is { } entry && RangeEnd == entry + 1;

    /// <summary>A fault on exactly one entry.</summary>
    public static JournalFault At(JournalFaultKind kind, long entry, string detail, long? otherEntry = null) =>
        new(kind, entry, entry + 1, null, otherEntry, detail);

    /// <inheritdoc />
    public override string ToString() => Kind + ": " + Detail;
}
