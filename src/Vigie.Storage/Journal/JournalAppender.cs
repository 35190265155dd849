using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// Appends entries in one transaction under the journal lock: encoded rows with their leaf hashes and seals, the
/// completed subtree nodes, the new frontier, and a signed checkpoint when one is due. Either all of it is durable
/// or none of it is, so a checkpoint never refers to a missing entry. Appends cost O(batch + log n): old entries
/// are never read. For request traffic use <see cref="JournalWriter"/>, which groups concurrent appends.
/// </summary>
public sealed class JournalAppender(VigieDbContext db, JournalSigningKey key, TimeProvider clock, TimeSpan checkpointInterval)
{
    /// <summary>Appends the entries; signs a checkpoint if the last one is older than the interval (or if <paramref name="forceCheckpoint"/>).</summary>
    public async Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, bool forceCheckpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Encoding and leaf hashes do not depend on the log's state: done before taking the lock, so the lock is
        // held only for what does (sequence numbers, seals, nodes, the checkpoint) and for the database work.
        var bytes = new byte[entries.Count][];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = JournalEntryEncoding.Encode(entries[i]);
        }

        var leaves = MerkleTree.HashLeaves(bytes);
        var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var state = await JournalLock.AcquireAsync(db, ct).ConfigureAwait(false);
            var verifierKey = key.PublicKey.ToVerifierKey();
            if (state.VerifierKey is { } existing && !string.Equals(existing, verifierKey, StringComparison.Ordinal))
            {
                throw new JournalKeyMismatchException(
                    $"This journal is signed with {existing}, not with this node's key {verifierKey}. Nodes sharing a database share one key file.");
            }

            var frontier = MerkleFrontier.FromBytes(state.TreeSize, state.Frontier);
            if (!frontier.Success)
            {
                throw new InvalidOperationException("The journal state is corrupted (" + frontier.Error + "); run the journal verification.");
            }

            var first = state.TreeSize;
            var rows = Rows(entries, bytes, leaves, first);
            var nodes = new List<JournalNodeRow>();
            var grown = frontier.Value.Append(leaves, JournalNodeRow.MinLevel, (id, hash) =>
                nodes.Add(new JournalNodeRow { Level = id.Level, NodeIndex = id.Index, Hash = hash.ToArray() }));

            await MultiRowInsert.InsertAsync(db, rows, ct).ConfigureAwait(false);
            await MultiRowInsert.InsertAsync(db, nodes, ct).ConfigureAwait(false);

            var now = clock.GetUtcNow();
            SignedCheckpoint? signed = null;
            var due = forceCheckpoint || state.LastCheckpointAt is not { } last || now - last >= checkpointInterval;
            if (due && grown.Size > state.LastCheckpointSize)
            {
                signed = key.Sign(new Checkpoint(key.Origin, grown.Size, grown.Root(), now));
                await MultiRowInsert.InsertAsync(db, [CheckpointRow(signed, null)], ct).ConfigureAwait(false);
            }

            var frontierBytes = grown.ToBytes();
            var checkpointSize = signed?.Checkpoint.TreeSize ?? state.LastCheckpointSize;
            var checkpointAt = signed?.Checkpoint.Time ?? state.LastCheckpointAt;
            await db.JournalState.Where(s => s.Id == JournalStateRow.SingletonId).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.TreeSize, grown.Size)
                    .SetProperty(x => x.Frontier, frontierBytes)
                    .SetProperty(x => x.VerifierKey, verifierKey)
                    .SetProperty(x => x.LastCheckpointSize, checkpointSize)
                    .SetProperty(x => x.LastCheckpointAt, checkpointAt), ct)
                .ConfigureAwait(false);

            // A commit that has started is not cancelled: its outcome must be known to the caller.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return new JournalAppendResult(first, rows.Length, grown.Size, signed);
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

    private JournalEntryRow[] Rows(IReadOnlyList<JournalEntry> entries, byte[][] bytes, MerkleHash[] leaves, long first)
    {
        var seals = EntrySeal.ComputeMany(key.SealKey.Span, first, leaves);
        var rows = new JournalEntryRow[bytes.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var index = JournalEntryIndex.For(entries[i]);
            rows[i] = new JournalEntryRow
            {
                Sequence = first + i,
                Time = index.Time,
                Action = (int)index.Action,
                ProfessionalId = index.ProfessionalId,
                PatientId = index.PatientId,
                Entry = bytes[i],
                LeafHash = leaves[i].ToArray(),
                Seal = seals.AsSpan(i * EntrySeal.Length, EntrySeal.Length).ToArray(),
            };
        }

        return rows;
    }
}
