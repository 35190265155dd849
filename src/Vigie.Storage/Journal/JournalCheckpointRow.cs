namespace Vigie.Storage.Journal;

/// <summary>A signed checkpoint. Only <see cref="Note"/> is trusted (after its signature is checked); the other columns serve queries.</summary>
public sealed class JournalCheckpointRow
{
    public long TreeSize { get; set; }
    public DateTimeOffset Time { get; set; }
    public required byte[] RootHash { get; set; }

    /// <summary>The C2SP signed note.</summary>
    public required string Note { get; set; }

    /// <summary>On the retention-boundary checkpoint only: the Merkle frontier at its size, from which verification resumes.</summary>
    public byte[]? Frontier { get; set; }
}
