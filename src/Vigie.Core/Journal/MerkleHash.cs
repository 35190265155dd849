using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Vigie.Core.Journal;

/// <summary>
/// A SHA-256 value of the journal's Merkle tree: a leaf hash, an inner node or a root. A value type of four
/// words, so that hashing a million entries allocates nothing and hashes compare without a loop.
/// </summary>
public readonly record struct MerkleHash
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Reads a hash from exactly 32 bytes.</summary>
    public MerkleHash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("a SHA-256 hash has 32 bytes", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The root of the empty tree, SHA-256 of no bytes (RFC 9162, 2.1.1).</summary>
    public static MerkleHash Empty { get; } = new(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>Reads a hash from bytes of any length; false unless there are exactly 32.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out MerkleHash hash)
    {
        hash = bytes.Length == Length ? new MerkleHash(bytes) : default;
        return bytes.Length == Length;
    }

    /// <summary>Parses the standard base64 form used in checkpoints; refuses anything but the canonical 44 characters.</summary>
    public static ParseResult<MerkleHash> ParseBase64(string? text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        return text is { Length: 44 } && Convert.TryFromBase64String(text, bytes, out var written) && written == Length
               && string.Equals(Convert.ToBase64String(bytes), text, StringComparison.Ordinal)
            ? ParseResult<MerkleHash>.Ok(new MerkleHash(bytes))
            : ParseResult<MerkleHash>.Fail("a hash is 32 bytes in standard base64");
    }

    /// <summary>Writes the 32 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes in a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Standard base64, as in checkpoints.</summary>
    public string ToBase64()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Lower-case hexadecimal.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
