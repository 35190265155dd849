using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Vigie.Core.Journal;

/// <summary>Leaf and node hashes of many entries at once, eight per <see cref="Sha256Lanes"/> pass.</summary>
internal static class BulkHashing
{
    /// <summary>SHA-256(0x00 || entry) for each entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeafHashes(ReadOnlySpan<StoredEntry> entries, Span<MerkleHash> leaves)
    {
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<byte> blocks = stackalloc byte[Sha256Lanes.Width * Sha256Lanes.BlockBytes];
        Span<int> counts = stackalloc int[Sha256Lanes.Width];
        for (var start = 0; start < entries.Length; start += Sha256Lanes.Width)
        {
            var lanes = Math.Min(Sha256Lanes.Width, entries.Length - start);
            var maxBlocks = 0;
            for (var i = 0; i < lanes; i++)
            {
                counts[i] = Sha256Lanes.BlockCount(entries[start + i].Entry.Length + 1);
                maxBlocks = Math.Max(maxBlocks, counts[i]);
            }

            Sha256Lanes.Initialize(state);
            for (var block = 0; block < maxBlocks; block++)
            {
                var active = 0;
                for (var i = 0; i < lanes; i++)
                {
                    if (block < counts[i])
                    {
                        Sha256Lanes.WriteBlock(blocks[(i * Sha256Lanes.BlockBytes)..], 0x00, entries[start + i].Entry.Span, block);
                        active |= 1 << i;
                    }
                }

                Sha256Lanes.Compress(state, blocks, active);
            }

            for (var i = 0; i < lanes; i++)
            {
                leaves[start + i] = Sha256Lanes.Digest(state, i);
            }
        }
    }

    /// <summary>parents[i] = SHA-256(0x01 || children[2i] || children[2i+1]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NodeHashes(ReadOnlySpan<MerkleHash> children, Span<MerkleHash> parents)
    {
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<byte> first = stackalloc byte[Sha256Lanes.Width * Sha256Lanes.BlockBytes];
        Span<byte> second = stackalloc byte[Sha256Lanes.Width * Sha256Lanes.BlockBytes];
        Span<byte> pair = stackalloc byte[2 * MerkleHash.Length];
        var count = children.Length / 2;
        for (var start = 0; start < count; start += Sha256Lanes.Width)
        {
            var lanes = Math.Min(Sha256Lanes.Width, count - start);
            for (var i = 0; i < lanes; i++)
            {
                children[2 * (start + i)].CopyTo(pair);
                children[(2 * (start + i)) + 1].CopyTo(pair[MerkleHash.Length..]);
                Sha256Lanes.WriteBlock(first[(i * Sha256Lanes.BlockBytes)..], 0x01, pair, 0);
                Sha256Lanes.WriteBlock(second[(i * Sha256Lanes.BlockBytes)..], 0x01, pair, 1);
            }

            Sha256Lanes.Initialize(state);
            Sha256Lanes.Compress(state, first);
            Sha256Lanes.Compress(state, second);
            for (var i = 0; i < lanes; i++)
            {
                parents[start + i] = Sha256Lanes.Digest(state, i);
            }
        }
    }
}
