using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigie.Core.Journal;

/// <summary>
/// SHA-256 over eight messages at once, one per 32-bit lane of a 256-bit vector (FIPS 180-4, unchanged). Why it
/// exists: through .NET's OpenSSL 3 binding one SHA-256 call costs about a microsecond of fixed overhead on our
/// machines, so a million entries a second (three hashes each) cannot be reached one call at a time, while the
/// compression itself costs about 45 ns per block and lane here. Used only for bulk work (verification); single
/// hashes go through <see cref="System.Security.Cryptography.SHA256"/>. Property tests compare it with the platform.
/// </summary>
internal static class Sha256Lanes
{
    public const int Width = 8;
    public const int BlockBytes = 64;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// <summary>Sets all lanes to the SHA-256 initial state.</summary>
    public static void Initialize(Span<Vector256<uint>> state)
    {
        for (var j = 0; j < 8; j++)
        {
            state[j] = Vector256.Create(InitialState[j]);
        }
    }

    /// <summary>Sets all lanes to the same intermediate state (an HMAC key's inner or outer pad).</summary>
    public static void Initialize(Span<Vector256<uint>> state, ReadOnlySpan<uint> words)
    {
        for (var j = 0; j < 8; j++)
        {
            state[j] = Vector256.Create(words[j]);
        }
    }

    /// <summary>The instruction set the compression uses on this machine: the widest supported.</summary>
    public static Sha256Path Best { get; } =
        Avx512F.VL.IsSupported && BitConverter.IsLittleEndian ? Sha256Path.Avx512
        : Avx2.IsSupported && BitConverter.IsLittleEndian ? Sha256Path.Avx2
        : Sha256Path.Portable;

    // Tests force each path in turn on their own thread, so every path is compared with the platform on a
    // machine that supports it; one thread-static read per compression (64 rounds) costs nothing measurable.
    [ThreadStatic]
    private static Sha256Path? t_forced;

    /// <summary>For tests: the path used on this thread (null: <see cref="Best"/>). Must be supported here.</summary>
    public static Sha256Path? ForcedOnThisThread
    {
        get => t_forced;
        set => t_forced = value is not { } path || IsSupported(path) ? value : throw new PlatformNotSupportedException($"{path} is not supported here");
    }

    /// <summary>True when this machine can run <paramref name="path"/>.</summary>
    public static bool IsSupported(Sha256Path path) => path switch
    {
        Sha256Path.Avx512 => Avx512F.VL.IsSupported && BitConverter.IsLittleEndian,
        Sha256Path.Avx2 => Avx2.IsSupported && BitConverter.IsLittleEndian,
        _ => true,
    };

    /// <summary>
    /// One compression per lane. <paramref name="blocks"/> holds eight 64-byte blocks, lane i at offset 64·i.
    /// Lanes whose bit in <paramref name="activeLanes"/> is clear keep their state (messages of fewer blocks).
    /// </summary>
    public static void Compress(Span<Vector256<uint>> state, ReadOnlySpan<byte> blocks, int activeLanes = 0xFF)
    {
        switch (t_forced ?? Best)
        {
            case Sha256Path.Avx512:
                Compress<Avx512Rounds>(state, blocks, activeLanes);
                break;
            case Sha256Path.Avx2:
                Compress<Avx2Rounds>(state, blocks, activeLanes);
                break;
            default:
                Compress<PortableRounds>(state, blocks, activeLanes);
                break;
        }
    }

    // Generic over a struct so that the JIT compiles one specialised copy per path, each with its functions inlined.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<TRounds>(Span<Vector256<uint>> state, ReadOnlySpan<byte> blocks, int activeLanes)
        where TRounds : struct, IRounds
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        LoadWords(blocks, w, TRounds.TransposeWithAvx2);

        Vector256<uint> a = state[0], b = state[1], c = state[2], d = state[3];
        Vector256<uint> e = state[4], f = state[5], g = state[6], h = state[7];
        for (var t = 0; t < 64; t++)
        {
            Vector256<uint> wt;
            if (t < 16)
            {
                wt = w[t];
            }
            else
            {
                wt = w[t & 15] = w[t & 15] + TRounds.SmallSigma0(w[(t - 15) & 15]) + w[(t - 7) & 15] + TRounds.SmallSigma1(w[(t - 2) & 15]);
            }

            var t1 = h + TRounds.BigSigma1(e) + TRounds.Choose(e, f, g) + Vector256.Create(K[t]) + wt;
            var t2 = TRounds.BigSigma0(a) + TRounds.Majority(a, b, c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        if (activeLanes == 0xFF)
        {
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
            return;
        }

        var keep = Vector256.Create(
            Lane(activeLanes, 0), Lane(activeLanes, 1), Lane(activeLanes, 2), Lane(activeLanes, 3),
            Lane(activeLanes, 4), Lane(activeLanes, 5), Lane(activeLanes, 6), Lane(activeLanes, 7));
        state[0] = Vector256.ConditionalSelect(keep, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(keep, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(keep, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(keep, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(keep, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(keep, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(keep, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(keep, state[7] + h, state[7]);
    }

    /// <summary>
    /// Reads the eight blocks (lane-major) into sixteen vectors of big-endian words (word-major): w[t] holds word t
    /// of every lane. With AVX2, two 8×8 transposes by unpack and permute, then a byte shuffle per vector; otherwise
    /// word by word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoadWords(ReadOnlySpan<byte> blocks, Span<Vector256<uint>> w, bool avx2)
    {
        var words = MemoryMarshal.Cast<byte, uint>(blocks[..(Width * BlockBytes)]);
        if (avx2)
        {
            var swap = Vector256.Create((byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
            for (var half = 0; half < 2; half++)
            {
                var r0 = Vector256.Create<uint>(words[(half * 8)..]);
                var r1 = Vector256.Create<uint>(words[(16 + (half * 8))..]);
                var r2 = Vector256.Create<uint>(words[(32 + (half * 8))..]);
                var r3 = Vector256.Create<uint>(words[(48 + (half * 8))..]);
                var r4 = Vector256.Create<uint>(words[(64 + (half * 8))..]);
                var r5 = Vector256.Create<uint>(words[(80 + (half * 8))..]);
                var r6 = Vector256.Create<uint>(words[(96 + (half * 8))..]);
                var r7 = Vector256.Create<uint>(words[(112 + (half * 8))..]);
                var t0 = Avx2.UnpackLow(r0, r1);
                var t1 = Avx2.UnpackHigh(r0, r1);
                var t2 = Avx2.UnpackLow(r2, r3);
                var t3 = Avx2.UnpackHigh(r2, r3);
                var t4 = Avx2.UnpackLow(r4, r5);
                var t5 = Avx2.UnpackHigh(r4, r5);
                var t6 = Avx2.UnpackLow(r6, r7);
                var t7 = Avx2.UnpackHigh(r6, r7);
                var u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
                var u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
                var u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
                var u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
                var u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
                var u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
                var u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
                var u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
                var o = half * 8;
                w[o] = Swap(Avx2.Permute2x128(u0, u4, 0x20), swap);
                w[o + 1] = Swap(Avx2.Permute2x128(u1, u5, 0x20), swap);
                w[o + 2] = Swap(Avx2.Permute2x128(u2, u6, 0x20), swap);
                w[o + 3] = Swap(Avx2.Permute2x128(u3, u7, 0x20), swap);
                w[o + 4] = Swap(Avx2.Permute2x128(u0, u4, 0x31), swap);
                w[o + 5] = Swap(Avx2.Permute2x128(u1, u5, 0x31), swap);
                w[o + 6] = Swap(Avx2.Permute2x128(u2, u6, 0x31), swap);
                w[o + 7] = Swap(Avx2.Permute2x128(u3, u7, 0x31), swap);
            }

            return;
        }

        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create(
                Be(words[t]), Be(words[16 + t]), Be(words[32 + t]), Be(words[48 + t]),
                Be(words[64 + t]), Be(words[80 + t]), Be(words[96 + t]), Be(words[112 + t]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Swap(Vector256<uint> value, Vector256<byte> mask) => Avx2.Shuffle(value.AsByte(), mask).AsUInt32();

    /// <summary>Writes lane <paramref name="lane"/>'s digest (big-endian words) into 32 bytes.</summary>
    public static void Digest(ReadOnlySpan<Vector256<uint>> state, int lane, Span<byte> destination)
    {
        for (var j = 0; j < 8; j++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * j)..], state[j].GetElement(lane));
        }
    }

    /// <summary>Lane <paramref name="lane"/>'s digest as a hash.</summary>
    public static MerkleHash Digest(ReadOnlySpan<Vector256<uint>> state, int lane)
    {
        Span<byte> bytes = stackalloc byte[MerkleHash.Length];
        Digest(state, lane, bytes);
        return new MerkleHash(bytes);
    }

    /// <summary>The number of 64-byte blocks of a padded message of <paramref name="length"/> bytes.</summary>
    public static int BlockCount(int length) => (length + 9 + BlockBytes - 1) / BlockBytes;

    /// <summary>
    /// Writes block <paramref name="index"/> of the padded message <c>prefix || body</c> (SHA-256 padding: 0x80,
    /// zeros, the bit length in the last 8 bytes) into 64 bytes.
    /// </summary>
    public static void WriteBlock(Span<byte> block, byte prefix, ReadOnlySpan<byte> body, int index)
    {
        var length = body.Length + 1;
        var start = index * BlockBytes;
        block[..BlockBytes].Clear();
        var from = Math.Max(start, 1);
        var to = Math.Min(start + BlockBytes, length);
        if (start == 0)
        {
            block[0] = prefix;
        }

        if (to > from)
        {
            body.Slice(from - 1, to - from).CopyTo(block[(from - start)..]);
        }

        if (length >= start && length < start + BlockBytes)
        {
            block[length - start] = 0x80;
        }

        if (index == BlockCount(length) - 1)
        {
            BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - 8)..], (ulong)length * 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Be(uint word) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word;

    private static uint Lane(int mask, int lane) => (mask & (1 << lane)) != 0 ? uint.MaxValue : 0;
}
