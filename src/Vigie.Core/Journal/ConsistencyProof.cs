using System.Collections.Immutable;

namespace Vigie.Core.Journal;

/// <summary>
/// An RFC 9162 consistency proof (2.1.4): the hashes showing that the tree of <see cref="OldSize"/> leaves is a
/// prefix of the tree of <see cref="NewSize"/> leaves, so that between two checkpoints the journal only grew.
/// </summary>
public sealed record ConsistencyProof
{
    private readonly ImmutableArray<MerkleHash> _path;

    /// <summary>A proof as received; <see cref="Verify"/> decides whether it holds.</summary>
    public ConsistencyProof(long oldSize, long newSize, IEnumerable<MerkleHash> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        OldSize = oldSize;
        NewSize = newSize;
        _path = [.. path];
    }

    /// <summary>The size of the older tree.</summary>
    public long OldSize { get; }

    /// <summary>The size of the newer tree.</summary>
    public long NewSize { get; }

    /// <summary>The proof hashes, in the RFC's order.</summary>
    public IReadOnlyList<MerkleHash> Path => _path;

    /// <summary>
    /// True when the tree with <paramref name="oldRoot"/> is a prefix of the tree with <paramref name="newRoot"/>
    /// (RFC 9162, 2.1.4.2). Equal sizes need an empty proof and equal roots; the empty tree is a prefix of every
    /// tree. Anything malformed is false, never an exception.
    /// </summary>
    public bool Verify(in MerkleHash oldRoot, in MerkleHash newRoot)
    {
        if (OldSize < 0 || OldSize > NewSize)
        {
            return false;
        }

        if (OldSize == NewSize)
        {
            return _path.IsEmpty && oldRoot == newRoot;
        }

        if (OldSize == 0)
        {
            return _path.IsEmpty && oldRoot == MerkleHash.Empty;
        }

        if (_path.IsEmpty)
        {
            return false;
        }

        // When the old tree is a perfect subtree of the new one, its root is the proof's implicit first hash.
        var index = 0;
        MerkleHash seed;
        if ((OldSize & (OldSize - 1)) == 0)
        {
            seed = oldRoot;
        }
        else
        {
            seed = _path[index++];
        }

        var fn = OldSize - 1;
        var sn = NewSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = seed;
        var sr = seed;
        for (; index < _path.Length; index++)
        {
            var c = _path[index];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleTree.HashChildren(c, fr);
                sr = MerkleTree.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleTree.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return fr == oldRoot && sr == newRoot && sn == 0;
    }

    /// <inheritdoc />
    public bool Equals(ConsistencyProof? other) =>
        other is not null && OldSize == other.OldSize && NewSize == other.NewSize && _path.AsSpan().SequenceEqual(other._path.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(OldSize, NewSize, _path.Length);
}
