using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Vigie.Core.Journal;

/// <summary>
/// <see cref="EntrySeal"/>s of many entries at once. HMAC-SHA-256 with a 32-byte key over a 40-byte message is
/// two compressions once the key's inner and outer pad states are computed, which this class does once.
/// </summary>
internal sealed class SealHasher
{
    private const int MessageLength = 8 + MerkleHash.Length;

    private readonly uint[] _inner = new uint[8];
    private readonly uint[] _outer = new uint[8];

    public SealHasher(ReadOnlySpan<byte> key)
    {
        PadState(key, 0x36, _inner);
        PadState(key, 0x5c, _outer);
    }

    /// <summary>Writes the 16-byte seal of entry <c>firstSequence + i</c> with <c>leaves[i]</c> at <c>seals[16i..]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(long firstSequence, ReadOnlySpan<MerkleHash> leaves, Span<byte> seals)
    {
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<byte> blocks = stackalloc byte[Sha256Lanes.Width * Sha256Lanes.BlockBytes];
        Span<Vector256<uint>> inner = stackalloc Vector256<uint>[8];
        Span<byte> digest = stackalloc byte[MerkleHash.Length];
        for (var start = 0; start < leaves.Length; start += Sha256Lanes.Width)
        {
            var lanes = Math.Min(Sha256Lanes.Width, leaves.Length - start);

            // Inner: the key block is already in the state; this block is seq || leaf, padded to 64 + 40 bytes.
            blocks.Clear();
            for (var i = 0; i < lanes; i++)
            {
                var block = blocks[(i * Sha256Lanes.BlockBytes)..];
                BinaryPrimitives.WriteInt64BigEndian(block, firstSequence + start + i);
                leaves[start + i].CopyTo(block[8..]);
                block[MessageLength] = 0x80;
                BinaryPrimitives.WriteUInt64BigEndian(block[56..], (Sha256Lanes.BlockBytes + MessageLength) * 8UL);
            }

            Sha256Lanes.Initialize(state, _inner);
            Sha256Lanes.Compress(state, blocks);

            // Outer: the inner digest, padded to 64 + 32 bytes.
            state.CopyTo(inner);
            blocks.Clear();
            for (var i = 0; i < lanes; i++)
            {
                var block = blocks[(i * Sha256Lanes.BlockBytes)..];
                Sha256Lanes.Digest(inner, i, block);
                block[MerkleHash.Length] = 0x80;
                BinaryPrimitives.WriteUInt64BigEndian(block[56..], (Sha256Lanes.BlockBytes + MerkleHash.Length) * 8UL);
            }

            Sha256Lanes.Initialize(state, _outer);
            Sha256Lanes.Compress(state, blocks);
            for (var i = 0; i < lanes; i++)
            {
                Sha256Lanes.Digest(state, i, digest);
                digest[..EntrySeal.Length].CopyTo(seals[((start + i) * EntrySeal.Length)..]);
            }
        }
    }

    private static void PadState(ReadOnlySpan<byte> key, byte pad, Span<uint> words)
    {
        if (key.Length > Sha256Lanes.BlockBytes)
        {
            throw new ArgumentException("seal keys are at most 64 bytes", nameof(key));
        }

        Span<byte> blocks = stackalloc byte[Sha256Lanes.Width * Sha256Lanes.BlockBytes];
        var padded = blocks[..Sha256Lanes.BlockBytes];
        padded.Fill(pad);
        for (var i = 0; i < key.Length; i++)
        {
            padded[i] ^= key[i];
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Sha256Lanes.Initialize(state);
        Sha256Lanes.Compress(state, blocks, activeLanes: 1);
        for (var j = 0; j < 8; j++)
        {
            words[j] = state[j].GetElement(0);
        }
    }
}
