using System.Collections.Immutable;

namespace Vigie.Core.Journal;

/// <summary>
/// An RFC 9162 inclusion proof (2.1.3): the sibling hashes from leaf <see cref="LeafIndex"/> up to the root of
/// the tree of <see cref="TreeSize"/> leaves. With a signed checkpoint of that size it shows that an entry is in
/// the journal without revealing any other entry.
/// </summary>
public sealed record InclusionProof
{
    private readonly ImmutableArray<MerkleHash> _path;

    /// <summary>A proof as received; <see cref="Verify"/> decides whether it holds.</summary>
    public InclusionProof(long leafIndex, long treeSize, IEnumerable<MerkleHash> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        _path = [.. path];
    }

    /// <summary>The leaf's position (its journal sequence number).</summary>
    public long LeafIndex { get; }

    /// <summary>The size of the tree the proof is for.</summary>
    public long TreeSize { get; }

    /// <summary>The sibling hashes, from the leaf's level upwards.</summary>
    public IReadOnlyList<MerkleHash> Path => _path;

    /// <summary>
    /// True when the path leads from <paramref name="leafHash"/> to <paramref name="root"/> (RFC 9162, 2.1.3.2).
    /// Any malformed proof (index out of range, path too short or too long) is false, never an exception.
    /// </summary>
    public bool Verify(in MerkleHash leafHash, in MerkleHash root)
    {
        if (LeafIndex < 0 || LeafIndex >= TreeSize)
        {
            return false;
        }

        var fn = LeafIndex;
        var sn = TreeSize - 1;
        var r = leafHash;
        foreach (var p in _path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTree.HashChildren(p, r);

                // A right-edge node with no right sibling is promoted unchanged: skip the levels it climbs alone.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleTree.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    /// <summary>True when the proof shows that this encoded entry is leaf <see cref="LeafIndex"/> of the tree with <paramref name="root"/>.</summary>
    public bool VerifyEntry(ReadOnlySpan<byte> entry, in MerkleHash root) => Verify(MerkleTree.HashLeaf(entry), root);

    /// <inheritdoc />
    public bool Equals(InclusionProof? other) =>
        other is not null && LeafIndex == other.LeafIndex && TreeSize == other.TreeSize && _path.AsSpan().SequenceEqual(other._path.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LeafIndex, TreeSize, _path.Length);
}
