using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Appends entries in one transaction under the journal lock: encoded rows with their leaf hashes and seals, the
/// completed subtree nodes, the new frontier, and a signed checkpoint when one is due. Either all of it is durable
/// or none of it is, so a checkpoint never refers to a missing entry. Appends cost O(batch + log n): old entries
/// are never read. For request traffic use <see cref="JournalWriter"/>, which groups concurrent appends and keeps
/// one appender, with its prepared statements (<see cref="JournalCommands"/>), for the life of its connection.
/// </summary>
public sealed class JournalAppender
{
    private readonly VigieDbContext _db;
    private readonly JournalSigningKey _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _checkpointInterval;
    private readonly string _verifierKey;
    private JournalCommands? _kept;

    public JournalAppender(VigieDbContext db, JournalSigningKey key, TimeProvider clock, TimeSpan checkpointInterval)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        _db = db;
        _key = key;
        _clock = clock;
        _checkpointInterval = checkpointInterval;
        _verifierKey = key.PublicKey.ToVerifierKey();
    }

    /// <summary>When set, the time of each phase of every append is added to it (benchmarks).</summary>
    public JournalPhases? Phases { get; init; }

    /// <summary>
    /// Keep the statements prepared between appends (the writer, on its kept connection; see <see cref="CloseAsync"/>).
    /// Otherwise they are built for each append and disposed after it.
    /// </summary>
    internal bool KeepCommands { get; init; }

    /// <summary>Appends the entries; signs a checkpoint if the last one is older than the interval (or if <paramref name="forceCheckpoint"/>).</summary>
    public async Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, bool forceCheckpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var t = Phases is null ? 0 : Stopwatch.GetTimestamp();

        // Encoding and leaf hashes do not depend on the log's state: done before taking the lock, so the lock is
        // held only for what does (sequence numbers, seals, nodes, the checkpoint) and for the database work.
        var bytes = new byte[entries.Count][];
        var index = new JournalEntryIndex[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = JournalEntryEncoding.Encode(entries[i]);
            index[i] = JournalEntryIndex.For(entries[i]);
        }

        var leaves = MerkleTree.HashLeaves(bytes);
        t = Mark("encode, leaf hashes", t);

        // Opened through EF so that the provider's connection set-up (SQLite's pragmas) runs; counted, so a
        // connection the caller keeps open stays open.
        await _db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var commands = _kept ?? JournalCommands.Create(_db);
            var succeeded = false;
            try
            {
                var result = await AppendAsync(commands, bytes, index, leaves, forceCheckpoint, t, ct).ConfigureAwait(false);
                succeeded = true;
                return result;
            }
            finally
            {
                // After a failure the statements are not trusted again: the connection may be broken.
                if (succeeded && KeepCommands)
                {
                    _kept = commands;
                }
                else
                {
                    _kept = null;
                    await commands.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the kept statements (before the writer disposes its context, or after a failure).</summary>
    internal async ValueTask CloseAsync()
    {
        if (_kept is { } kept)
        {
            _kept = null;
            await kept.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<JournalAppendResult> AppendAsync(
        JournalCommands commands, byte[][] bytes, JournalEntryIndex[] index, MerkleHash[] leaves, bool forceCheckpoint, long t, CancellationToken ct)
    {
        if (_db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("The journal appends in its own transaction, not in the caller's");
        }

        // A plain ADO.NET transaction: BEGIN IMMEDIATE on SQLite (the database's write lock), on PostgreSQL sent
        // with the first statement. Disposed without a commit, it rolls back.
        var transaction = await commands.Connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            t = Mark("begin", t);
            var state = await commands.LockAsync(transaction, ct).ConfigureAwait(false);
            t = Mark("lock (state row)", t);
            if (state.VerifierKey is { } existing && !string.Equals(existing, _verifierKey, StringComparison.Ordinal))
            {
                throw new JournalKeyMismatchException(
                    $"This journal is signed with {existing}, not with this node's key {_verifierKey}. Nodes sharing a database share one key file.");
            }

            var frontier = MerkleFrontier.FromBytes(state.TreeSize, state.Frontier);
            if (!frontier.Success)
            {
                throw new InvalidOperationException("The journal state is corrupted (" + frontier.Error + "); run the journal verification.");
            }

            var first = state.TreeSize;
            var seals = EntrySeal.ComputeMany(_key.SealKey.Span, first, leaves);
            var leafHashes = new byte[leaves.Length][];
            var sealRows = new byte[leaves.Length][];
            for (var i = 0; i < leaves.Length; i++)
            {
                leafHashes[i] = leaves[i].ToArray();
                sealRows[i] = seals.AsSpan(i * EntrySeal.Length, EntrySeal.Length).ToArray();
            }

            t = Mark("seals, rows", t);
            var nodes = new List<(MerkleNodeId, byte[])>();
            var grown = frontier.Value.Append(leaves, JournalNodeRow.MinLevel, (id, hash) => nodes.Add((id, hash.ToArray())));
            t = Mark("tree nodes", t);

            var now = _clock.GetUtcNow();
            SignedCheckpoint? signed = null;
            var due = forceCheckpoint || state.LastCheckpointAt is not { } last || now - last >= _checkpointInterval;
            if (due && grown.Size > state.LastCheckpointSize)
            {
                signed = _key.Sign(new Checkpoint(_key.Origin, grown.Size, grown.Root(), now));
            }

            t = Mark("checkpoint (sign)", t);
            var rows = new AppendRows
            {
                First = first,
                Index = index,
                Bytes = bytes,
                LeafHashes = leafHashes,
                Seals = sealRows,
                Nodes = nodes,
                Checkpoint = signed,
                TreeSize = grown.Size,
                Frontier = grown.ToBytes(),
                VerifierKey = _verifierKey,
                CheckpointSize = signed?.Checkpoint.TreeSize ?? state.LastCheckpointSize,
                CheckpointAt = signed?.Checkpoint.Time ?? state.LastCheckpointAt,
            };
            await commands.WriteAsync(transaction, rows, ct).ConfigureAwait(false);
            t = Mark("insert rows, nodes, checkpoint; update state", t);

            // A commit that has started is not cancelled: its outcome must be known to the caller.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Mark("commit", t);
            Phases?.Appended();
            return new JournalAppendResult(first, bytes.Length, grown.Size, signed);
        }
    }

    internal static JournalCheckpointRow CheckpointRow(SignedCheckpoint signed, byte[]? frontier) => new()
    {
        TreeSize = signed.Checkpoint.TreeSize,
        Time = signed.Checkpoint.Time,
        RootHash = signed.Checkpoint.Root.ToArray(),
        Note = signed.Note,
        Frontier = frontier,
    };

    private long Mark(string phase, long since) => Phases?.Add(phase, since) ?? 0;
}
