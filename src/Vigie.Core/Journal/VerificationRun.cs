using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Vigie.Core.Journal;

/// <summary>
/// The state of one verification: the frontier being rebuilt, the checkpoints seen, and the first fault. Fed in
/// order by <see cref="JournalVerifier"/>; every method returns false once a fault is recorded. Mutable and
/// internal: it is the inner loop of a million-entries-a-second pass.
/// </summary>
internal sealed class VerificationRun : IDisposable
{
    private readonly CheckpointKey _key;
    private readonly ECDsa _verifier;
    // Below two chunks of this size a batch is checked on one thread: the hand-off would cost more than it saves.
    private const int ParallelChunk = 1024;

    private readonly byte[] _sealKey;
    private readonly SealHasher? _seals;
    private MerkleHash[] _leafBuffer = [];
    private byte[] _sealBuffer = [];
    private readonly List<Checkpoint> _beforeStart = [];
    private FrontierBuilder _builder = new();
    private (Checkpoint Checkpoint, StoredCheckpoint Stored)? _boundary;
    private long _firstEntry;
    private long _entriesChecked;
    private int _checkpointsChecked;
    private int _checkpointsBeforeBoundary;
    private long _lastGoodCheckpoint;
    private long _goodBeforeLast;
    private JournalFault? _fault;

    // The entry whose seal failed, kept to tell a modification from a deletion, insertion or move.
    private long _suspect = -1;
    private MerkleHash _suspectLeaf;
    private byte[] _suspectSeal = [];
    private long? _sealedForSuspect;

    public VerificationRun(JournalTrust trust)
    {
        _key = trust.Key;
        _verifier = trust.Key.CreateVerifier();
        _sealKey = trust.SealKey.ToArray();
        _seals = _sealKey.Length > 0 ? new SealHasher(_sealKey) : null;
    }

    private enum Reason
    {
        None,
        Sequence,
        Malformed,
        LeafHash,
        Seal,
        Index,
    }

    public bool IsClassifying => _suspect >= 0 && _fault is null;

    /// <summary>The entry whose seal failed, while classifying.</summary>
    public long Suspect => _suspect;

    public long TreeSize => _builder.Size;

    /// <summary>A checkpoint at or below the first stored entry: pruned history, a retention boundary, or a sign of deleted entries.</summary>
    public bool BeforeStart(in StoredCheckpoint stored)
    {
        var checkpoint = Open(stored);
        if (checkpoint is null)
        {
            return false;
        }

        if (checkpoint.RetentionBoundary)
        {
            _checkpointsBeforeBoundary += _beforeStart.RemoveAll(c => c.TreeSize < checkpoint.TreeSize);
            _boundary = (checkpoint, stored);
        }
        else
        {
            _beforeStart.Add(checkpoint);
        }

        return true;
    }

    /// <summary>Sets the starting point: the last retention boundary, or the empty tree. <paramref name="firstSequence"/> is null for a journal with no entries.</summary>
    public bool Start(long? firstSequence)
    {
        long start = 0;
        if (_boundary is var (boundary, stored))
        {
            var frontier = MerkleFrontier.FromBytes(boundary.TreeSize, stored.Frontier.Span);
            if (!frontier.Success || frontier.Value.Root() != boundary.Root)
            {
                return Fail(new JournalFault(JournalFaultKind.BoundaryInvalid, null, null, boundary.TreeSize, null,
                    $"the frontier stored with the retention boundary at {boundary.TreeSize} does not match its signed root"));
            }

            _builder = frontier.Value.Builder(null, int.MaxValue);
            start = boundary.TreeSize;
            _checkpointsChecked++;
            _lastGoodCheckpoint = _goodBeforeLast = start;
        }

        _firstEntry = start;
        var held = firstSequence ?? long.MaxValue;
        foreach (var checkpoint in _beforeStart)
        {
            if (checkpoint.TreeSize < start)
            {
                _checkpointsBeforeBoundary++;
            }
            else if (checkpoint.TreeSize == start)
            {
                if (!CompareRoot(checkpoint))
                {
                    return false;
                }
            }
            else
            {
                return Fail(new JournalFault(JournalFaultKind.EntryDeleted, start, Math.Min(held, checkpoint.TreeSize), checkpoint.TreeSize, null,
                    $"entries from {start} are missing: the checkpoint at {checkpoint.TreeSize} covers them"));
            }
        }

        if (firstSequence is { } first && first > start)
        {
            return Fail(new JournalFault(JournalFaultKind.EntryDeleted, start, first, null, null,
                $"entries {start} to {first - 1} are missing: the journal starts at {first} without a retention boundary there"));
        }

        return true;
    }

    /// <summary>
    /// Checks a run of consecutive entries and appends them, comparing each checkpoint of
    /// <paramref name="checkpoints"/> (sizes within the run, in order) when the tree reaches it. Each check runs
    /// over the whole run in bulk, cut short at the first entry that failed an earlier check, so the fault
    /// reported is the one a one-by-one pass would meet first.
    /// </summary>
    public bool OnBatch(StoredEntry[] batch, int count, ReadOnlySpan<StoredCheckpoint> checkpoints)
    {
        var start = _builder.Size;
        EnsureBuffers(count);
        var leaves = _leafBuffer.AsSpan(0, count + 1);

        // The per-entry checks are independent, so chunks run on all cores; the earliest failure across chunks wins.
        var chunks = count >= 2 * ParallelChunk && Environment.ProcessorCount > 1 ? (count + ParallelChunk - 1) / ParallelChunk : 1;
        var results = new (int Limit, Reason Reason)[chunks];
        if (chunks == 1)
        {
            results[0] = CheckRange(batch, start, 0, count);
        }
        else
        {
            Parallel.For(0, chunks, c => results[c] = CheckRange(batch, start, c * ParallelChunk, Math.Min(count, (c + 1) * ParallelChunk)));
        }

        var (limit, reason) = (count, Reason.None);
        foreach (var result in results)
        {
            if (result.Reason != Reason.None)
            {
                (limit, reason) = result;
                break;
            }
        }

        // Append up to each checkpoint in turn: a checkpoint at the fault's position is still compared first.
        var appended = 0;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.TreeSize > start + limit)
            {
                break;
            }

            var upTo = (int)Math.Max(appended, checkpoint.TreeSize - start);
            _builder.AppendMany(leaves[appended..upTo]);
            appended = upTo;
            if (!OnCheckpoint(checkpoint))
            {
                _entriesChecked += appended;
                return false;
            }
        }

        _builder.AppendMany(leaves[appended..limit]);
        _entriesChecked += limit;
        return reason == Reason.None || Fault(batch[limit], start + limit, reason, leaves[limit]);
    }

    // The checks of entries [from, to), each cut short at the first entry that failed an earlier one; returns the
    // first failing entry and why, or (to, None).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Limit, Reason Reason) CheckRange(StoredEntry[] batch, long start, int from, int to)
    {
        var limit = to;
        var reason = Reason.None;
        for (var i = from; i < limit; i++)
        {
            if (batch[i].Sequence != start + i)
            {
                (limit, reason) = (i, Reason.Sequence);
            }
            else if (!JournalEntryEncoding.IsWellFormed(batch[i].Entry.Span))
            {
                (limit, reason) = (i, Reason.Malformed);
            }
        }

        var leaves = _leafBuffer.AsSpan(from, limit - from);
        BulkHashing.LeafHashes(batch.AsSpan(from, limit - from), leaves);
        for (var i = from; i < limit; i++)
        {
            var stored = batch[i].LeafHash;
            if (!stored.IsEmpty && !(MerkleHash.TryRead(stored.Span, out var storedLeaf) && storedLeaf == _leafBuffer[i]))
            {
                (limit, reason) = (i, Reason.LeafHash);
            }
        }

        if (_seals is not null && limit > from)
        {
            var seals = _sealBuffer.AsSpan(from * EntrySeal.Length, (limit - from) * EntrySeal.Length);
            _seals.Compute(start + from, _leafBuffer.AsSpan(from, limit - from), seals);
            for (var i = from; i < limit; i++)
            {
                if (!batch[i].Seal.Span.SequenceEqual(_sealBuffer.AsSpan(i * EntrySeal.Length, EntrySeal.Length)))
                {
                    (limit, reason) = (i, Reason.Seal);
                }
            }
        }

        for (var i = from; i < limit; i++)
        {
            if (batch[i].Index is { } index && !index.Matches(batch[i].Entry.Span))
            {
                (limit, reason) = (i, Reason.Index);
            }
        }

        return (limit, reason);
    }

    private bool Fault(in StoredEntry stored, long expected, Reason reason, MerkleHash leaf)
    {
        switch (reason)
        {
            case Reason.Sequence:
                return stored.Sequence > expected
                    ? Fail(new JournalFault(JournalFaultKind.EntryDeleted, expected, stored.Sequence, null, null,
                        $"entries {expected} to {stored.Sequence - 1} are missing"))
                    : Fail(JournalFault.At(JournalFaultKind.EntryInserted, stored.Sequence,
                        $"entry {stored.Sequence} appears twice or out of order"));
            case Reason.Malformed:
                return Fail(JournalFault.At(JournalFaultKind.EntryMalformed, expected, $"entry {expected} is not a valid encoding (truncated or garbage)"));
            case Reason.LeafHash:
                return Fail(JournalFault.At(JournalFaultKind.EntryModified, expected, $"entry {expected} was modified: its stored leaf hash does not match its bytes"));
            case Reason.Seal:
                _suspect = expected;
                _suspectLeaf = leaf;
                _suspectSeal = stored.Seal.ToArray();
                return false;
            default:
                return Fail(JournalFault.At(JournalFaultKind.IndexMismatch, expected, $"entry {expected}'s index columns (time, action, professional, patient) differ from its bytes"));
        }
    }

    /// <summary>After a seal failure: looks at a later entry for the one that belongs at the suspect's place. False once decided.</summary>
    public bool Classify(in StoredEntry stored)
    {
        var leaf = MerkleTree.HashLeaf(stored.Entry.Span);
        if (EntrySeal.IsValid(_sealKey, _suspect, leaf, stored.Seal.Span))
        {
            _sealedForSuspect = stored.Sequence;
            return false;
        }

        return true;
    }

    public void FinishClassification()
    {
        var f = _suspect;
        var sealedForNext = EntrySeal.IsValid(_sealKey, f + 1, _suspectLeaf, _suspectSeal);
        Fail(_sealedForSuspect switch
        {
            { } j when j == f + 1 && !sealedForNext => JournalFault.At(JournalFaultKind.EntryInserted, f,
                $"entry {f} was inserted: the entry sealed for position {f} follows it"),
            { } j => JournalFault.At(JournalFaultKind.EntryReordered, f,
                $"entry {f} was moved: the entry sealed for position {f} is at {j}", j),
            null when sealedForNext => JournalFault.At(JournalFaultKind.EntryDeleted, f,
                $"entry {f} was deleted: the entries after it were renumbered"),
            null => JournalFault.At(JournalFaultKind.EntryModified, f, $"entry {f} was modified: its seal does not match its content"),
        });
    }

    /// <summary>A checkpoint whose size the rebuilt tree has reached, or (at the end) one beyond it.</summary>
    public bool OnCheckpoint(in StoredCheckpoint stored)
    {
        var checkpoint = Open(stored);
        if (checkpoint is null)
        {
            return false;
        }

        if (checkpoint.TreeSize > _builder.Size)
        {
            // Sealed entries are each authentic, so what is missing starts at the end; without seals, entries after
            // the last matching checkpoint may have been renumbered over the gap.
            var from = _sealKey.Length > 0 ? _builder.Size : _lastGoodCheckpoint;
            return Fail(new JournalFault(JournalFaultKind.EntryDeleted, from, checkpoint.TreeSize, checkpoint.TreeSize, null,
                $"the journal ends at {_builder.Size} but the checkpoint at {checkpoint.TreeSize} covers more: entries from {from} were deleted or renumbered"));
        }

        if (checkpoint.TreeSize < _builder.Size)
        {
            return Fail(new JournalFault(JournalFaultKind.CheckpointInvalid, null, null, checkpoint.TreeSize, null,
                "checkpoints were not given in tree-size order"));
        }

        return CompareRoot(checkpoint);
    }

    public JournalVerification Result() => new(
        _fault, _firstEntry, _entriesChecked, _builder.Size, _builder.Root(), _checkpointsChecked, _checkpointsBeforeBoundary,
        _lastGoodCheckpoint, _sealKey.Length > 0);

    public void Dispose() => _verifier.Dispose();

    // Leaf hashes of the batch (plus one slot: the hash of the entry at the fault is kept for classification) and seals.
    private void EnsureBuffers(int count)
    {
        if (_leafBuffer.Length < count + 1)
        {
            _leafBuffer = new MerkleHash[count + 1];
            _sealBuffer = new byte[(count + 1) * EntrySeal.Length];
        }
    }

    private bool CompareRoot(Checkpoint checkpoint)
    {
        if (_builder.Root() != checkpoint.Root)
        {
            // Two signed checkpoints of one size with different roots (a fork) put the change before the earlier good one.
            var from = checkpoint.TreeSize > _lastGoodCheckpoint ? _lastGoodCheckpoint : _goodBeforeLast;
            return Fail(new JournalFault(JournalFaultKind.RootMismatch, from, checkpoint.TreeSize, checkpoint.TreeSize, null,
                $"an entry from {from} to {checkpoint.TreeSize - 1} differs: the recomputed root does not match the checkpoint at {checkpoint.TreeSize}"));
        }

        _checkpointsChecked++;
        if (checkpoint.TreeSize > _lastGoodCheckpoint)
        {
            _goodBeforeLast = _lastGoodCheckpoint;
            _lastGoodCheckpoint = checkpoint.TreeSize;
        }

        return true;
    }

    private Checkpoint? Open(in StoredCheckpoint stored)
    {
        var opened = CheckpointNote.Open(stored.Note, _key, _verifier);
        if (!opened.Success)
        {
            Fail(new JournalFault(JournalFaultKind.CheckpointInvalid, null, null, stored.TreeSize, null,
                $"the checkpoint at {stored.TreeSize} is invalid: {opened.Error}"));
            return null;
        }

        if (opened.Value.TreeSize != stored.TreeSize)
        {
            Fail(new JournalFault(JournalFaultKind.CheckpointInvalid, null, null, stored.TreeSize, null,
                $"the checkpoint stored at {stored.TreeSize} is signed for size {opened.Value.TreeSize}"));
            return null;
        }

        return opened.Value;
    }

    private bool Fail(JournalFault fault)
    {
        _fault ??= fault;
        return false;
    }
}
