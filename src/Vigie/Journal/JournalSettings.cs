namespace Vigie.Journal;

/// <summary>
/// Journal settings of the host, with the defaults an operator gets without configuring anything.
/// </summary>
public sealed record JournalSettings
{
    /// <summary>
    /// The log's name in its signed checkpoints (C2SP checkpoint "origin" line). It is part of every signature, so
    /// it must not change once the journal has entries; every node of a region uses the same one.
    /// </summary>
    public string Origin { get; init; } = "vigie.sante.fr/journal";

    /// <summary>
    /// A file outside the data directory (ideally on another machine's mount) to which every signed checkpoint is
    /// appended. None by default: a witness in the data directory itself would be rewritten along with the journal.
    /// </summary>
    public string? WitnessFile { get; init; }

    /// <summary>An HTTP endpoint that receives every signed checkpoint (POST, text/plain). None by default.</summary>
    public Uri? WitnessUrl { get; init; }

    /// <summary>
    /// Months of journal kept online; older entries are pruned, leaving a checkpoint at the boundary. Six months
    /// is the floor set by the public health code (art. R6113-9-2) and is refused below.
    /// </summary>
    public int RetentionMonths { get; init; } = 6;

    /// <summary>How often the retention pass runs; the first run is one interval after start. Zero disables it.</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A checkpoint is signed at least this often while entries arrive.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// SQLite only: the least time between two WAL checkpoints, which copy committed pages into the database file
    /// beside the journal's commits (decision 0006). Longer keeps their fsyncs off more commits and lets the WAL grow.
    /// </summary>
    public TimeSpan WalCheckpointInterval { get; init; } = Vigie.Storage.Journal.WalCheckpoints.DefaultInterval;

    /// <summary>
    /// SQLite only: the WAL size, in pages (4 KiB), past which the journal writer restarts the WAL between two
    /// groups. Bounds the WAL file under steady traffic, which never lets SQLite restart it on its own.
    /// </summary>
    public long WalRestartPages { get; init; } = Vigie.Storage.Journal.WalCheckpoints.DefaultRestartPages;
}
