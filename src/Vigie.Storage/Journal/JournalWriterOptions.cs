namespace Vigie.Storage.Journal;

/// <summary>Tuning of <see cref="JournalWriter"/>.</summary>
public sealed class JournalWriterOptions
{
    /// <summary>The longest time between checkpoints while entries are being appended (the issue asks for at most a second).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>SQLite only: the least time between two WAL checkpoints started after commits (<see cref="WalCheckpoints"/>).</summary>
    public TimeSpan WalCheckpointInterval { get; init; } = WalCheckpoints.DefaultInterval;

    /// <summary>SQLite only: the WAL size, in pages, past which the write loop restarts the WAL between two groups (<see cref="WalCheckpoints.RestartLogAsync"/>).</summary>
    public long WalRestartPages { get; init; } = WalCheckpoints.DefaultRestartPages;

    /// <summary>The most entries grouped into one transaction (a single larger request still goes through alone).</summary>
    public int MaxBatchEntries { get; init; } = 5_000;

    /// <summary>
    /// When nothing is queued and no group is being written, the appending caller writes its entries itself instead
    /// of handing them to the write loop (on by default; off makes every append go through the queue, as group commit
    /// under concurrency does).
    /// </summary>
    public bool CallerWritesWhenIdle { get; init; } = true;

    /// <summary>When set, the writer times the phases of every append into it (benchmarks); unset in the server.</summary>
    public JournalPhases? Phases { get; init; }
}
