namespace Vigie.Storage.Journal;

/// <summary>
/// The journal's single state row (Id 1, created by the migration). Every append and prune starts by updating it,
/// which takes its row lock: writers on several nodes sharing PostgreSQL queue on that lock, so the log has one
/// writer at a time (see docs/decisions/0006-journal.md).
/// </summary>
public sealed class JournalStateRow
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>Incremented by every transaction that holds the journal lock; the update is what takes the lock.</summary>
    public long Generation { get; set; }

    public long TreeSize { get; set; }

    /// <summary>The Merkle frontier at <see cref="TreeSize"/>, so an append is O(log n) without reading old entries.</summary>
    public required byte[] Frontier { get; set; }

    /// <summary>The signing key's verifier key (name+id+key), set by the first append; a node with another key refuses to write.</summary>
    public string? VerifierKey { get; set; }

    public long LastCheckpointSize { get; set; }
    public DateTimeOffset? LastCheckpointAt { get; set; }

    /// <summary>The first entry held after pruning (0 before any).</summary>
    public long PrunedBefore { get; set; }
}
