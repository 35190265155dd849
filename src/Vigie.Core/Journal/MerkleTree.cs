using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;

namespace Vigie.Core.Journal;

/// <summary>
/// Merkle tree hashing as in RFC 9162, 2.1.1: leaf hash SHA-256(0x00 || entry), node hash
/// SHA-256(0x01 || left || right), and for n &gt; 1 leaves the left subtree holds the largest power of two
/// smaller than n. The distinct prefixes keep a leaf from ever passing for an inner node.
/// </summary>
public static class MerkleTree
{
    private const int StackLimit = 1024;

    /// <summary>SHA-256(0x00 || entry).</summary>
    public static MerkleHash HashLeaf(ReadOnlySpan<byte> entry)
    {
        // One-shot hashing of a copied buffer is cheaper than an incremental hash for entries of a few hundred bytes.
        byte[]? rented = null;
        Span<byte> buffer = entry.Length < StackLimit
            ? stackalloc byte[entry.Length + 1]
            : rented = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            Span<byte> hash = stackalloc byte[MerkleHash.Length];
            SHA256.HashData(buffer[..(entry.Length + 1)], hash);
            return new MerkleHash(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static MerkleHash HashChildren(in MerkleHash left, in MerkleHash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * MerkleHash.Length)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + MerkleHash.Length)..]);
        Span<byte> hash = stackalloc byte[MerkleHash.Length];
        SHA256.HashData(buffer, hash);
        return new MerkleHash(hash);
    }

    /// <summary>The leaf hashes of many entries, computed eight at a time (much faster than one <see cref="HashLeaf"/> call each).</summary>
    public static MerkleHash[] HashLeaves(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var stored = new StoredEntry[entries.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = new StoredEntry(i, entries[i]);
        }

        var leaves = new MerkleHash[stored.Length];
        BulkHashing.LeafHashes(stored, leaves);
        return leaves;
    }

    /// <summary>The root of the tree over these leaf hashes (the empty root for none), in O(n) time and O(log n) space.</summary>
    public static MerkleHash Root(ReadOnlySpan<MerkleHash> leafHashes)
    {
        var builder = new FrontierBuilder();
        builder.AppendMany(leafHashes);
        return builder.Root();
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): the size of the left subtree.</summary>
    internal static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>
    /// The perfect subtrees that make up the RFC 9162 subtree over leaves [<paramref name="start"/>, <paramref name="end"/>),
    /// largest first. Valid for the subtrees the RFC's recursion produces (start aligned to the largest power of
    /// two not above the width), which is every range used in proofs.
    /// </summary>
    internal static List<MerkleNodeId> Decompose(long start, long end)
    {
        var nodes = new List<MerkleNodeId>();
        var remaining = end - start;
        while (remaining > 0)
        {
            var level = 63 - BitOperations.LeadingZeroCount((ulong)remaining);
            nodes.Add(new MerkleNodeId(level, start >> level));
            start += 1L << level;
            remaining -= 1L << level;
        }

        return nodes;
    }

    /// <summary>Folds perfect subtrees (largest first) into the hash of the subtree they make up.</summary>
    internal static MerkleHash Fold(IReadOnlyList<MerkleHash> hashes)
    {
        var hash = hashes[^1];
        for (var i = hashes.Count - 2; i >= 0; i--)
        {
            hash = HashChildren(hashes[i], hash);
        }

        return hash;
    }
}
