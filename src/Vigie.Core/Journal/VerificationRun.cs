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
    private readonly byte[] _sealKey;
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
    }

    public bool IsClassifying => _suspect >= 0 && _fault is null;

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

    public bool OnEntry(in StoredEntry stored)
    {
        var expected = _builder.Size;
        if (stored.Sequence != expected)
        {
            return stored.Sequence > expected
                ? Fail(new JournalFault(JournalFaultKind.EntryDeleted, expected, stored.Sequence, null, null,
                    $"entries {expected} to {stored.Sequence - 1} are missing"))
                : Fail(JournalFault.At(JournalFaultKind.EntryInserted, stored.Sequence,
                    $"entry {stored.Sequence} appears twice or out of order"));
        }

        var bytes = stored.Entry.Span;
        if (!JournalEntryEncoding.IsWellFormed(bytes))
        {
            return Fail(JournalFault.At(JournalFaultKind.EntryMalformed, expected, $"entry {expected} is not a valid encoding (truncated or garbage)"));
        }

        var leaf = MerkleTree.HashLeaf(bytes);
        if (!stored.LeafHash.IsEmpty && !(MerkleHash.TryRead(stored.LeafHash.Span, out var storedLeaf) && storedLeaf == leaf))
        {
            return Fail(JournalFault.At(JournalFaultKind.EntryModified, expected, $"entry {expected} was modified: its stored leaf hash does not match its bytes"));
        }

        if (_sealKey.Length > 0 && !EntrySeal.IsValid(_sealKey, expected, leaf, stored.Seal.Span))
        {
            _suspect = expected;
            _suspectLeaf = leaf;
            _suspectSeal = stored.Seal.ToArray();
            return false;
        }

        if (stored.Index is { } index && !index.Matches(bytes))
        {
            return Fail(JournalFault.At(JournalFaultKind.IndexMismatch, expected, $"entry {expected}'s index columns (time, action, professional, patient) differ from its bytes"));
        }

        _builder.Append(leaf);
        _entriesChecked++;
        return true;
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
