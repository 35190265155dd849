using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigie.Core.Journal;

/// <summary>The instruction sets <see cref="Sha256Lanes"/> can compress with.</summary>
internal enum Sha256Path
{
    /// <summary>Vector256 operators only, words gathered one by one: any machine.</summary>
    Portable,

    /// <summary>AVX2: words transposed by unpack and permute; rotations as two shifts and an or.</summary>
    Avx2,

    /// <summary>AVX-512F/VL on 256-bit vectors: one instruction per rotation, and per Ch, Maj and three-way xor.</summary>
    Avx512,
}

/// <summary>The round functions of SHA-256 (FIPS 180-4 §4.1.2) on eight lanes, one implementation per path.</summary>
internal interface IRounds
{
    static abstract bool TransposeWithAvx2 { get; }

    static abstract Vector256<uint> BigSigma0(Vector256<uint> x);

    static abstract Vector256<uint> BigSigma1(Vector256<uint> x);

    static abstract Vector256<uint> SmallSigma0(Vector256<uint> x);

    static abstract Vector256<uint> SmallSigma1(Vector256<uint> x);

    static abstract Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);

    static abstract Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);
}

/// <summary>Rotations by shifts; Ch and Maj by and, andnot and xor.</summary>
internal readonly struct PortableRounds : IRounds
{
    public static bool TransposeWithAvx2 => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) => Rotr(x, 2) ^ Rotr(x, 13) ^ Rotr(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) => Rotr(x, 6) ^ Rotr(x, 11) ^ Rotr(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => Rotr(x, 7) ^ Rotr(x, 18) ^ Vector256.ShiftRightLogical(x, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => Rotr(x, 17) ^ Rotr(x, 19) ^ Vector256.ShiftRightLogical(x, 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) ^ Vector256.AndNot(z, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) ^ (x & z) ^ (y & z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}

/// <summary>As <see cref="PortableRounds"/>, with the AVX2 transpose of the message words.</summary>
internal readonly struct Avx2Rounds : IRounds
{
    public static bool TransposeWithAvx2 => true;

    public static Vector256<uint> BigSigma0(Vector256<uint> x) => PortableRounds.BigSigma0(x);

    public static Vector256<uint> BigSigma1(Vector256<uint> x) => PortableRounds.BigSigma1(x);

    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => PortableRounds.SmallSigma0(x);

    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => PortableRounds.SmallSigma1(x);

    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => PortableRounds.Choose(x, y, z);

    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => PortableRounds.Majority(x, y, z);
}

/// <summary>
/// AVX-512F/VL: vprord rotates in one instruction, and vpternlogd computes any function of three inputs in one
/// (its immediate is the function's truth table over x = 0xF0, y = 0xCC, z = 0xAA). A round drops from about 25
/// vector instructions to 17.
/// </summary>
internal readonly struct Avx512Rounds : IRounds
{
    private const byte Xor3 = 0x96; // x ^ y ^ z
    private const byte Ch = 0xCA; // (x & y) ^ (~x & z)
    private const byte Maj = 0xE8; // (x & y) | (x & z) | (y & z)

    public static bool TransposeWithAvx2 => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 2), Avx512F.VL.RotateRight(x, 13), Avx512F.VL.RotateRight(x, 22), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 6), Avx512F.VL.RotateRight(x, 11), Avx512F.VL.RotateRight(x, 25), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 7), Avx512F.VL.RotateRight(x, 18), Vector256.ShiftRightLogical(x, 3), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) =>
        Avx512F.VL.TernaryLogic(Avx512F.VL.RotateRight(x, 17), Avx512F.VL.RotateRight(x, 19), Vector256.ShiftRightLogical(x, 10), Xor3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, Ch);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, Maj);
}
