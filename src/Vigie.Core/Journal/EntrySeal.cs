using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Journal;

/// <summary>
/// A per-entry seal: HMAC-SHA-256 over (sequence number || leaf hash), truncated to 16 bytes, with a key derived
/// from the journal's private key. Checkpoints alone show that something changed between two of them (up to a
/// second of entries); the seals let the verifier name the exact entry that was modified, deleted, inserted or
/// moved, against anyone who can write to the database but cannot read the key file. They cost one HMAC per
/// entry, and verifying them needs the private key, so an outside auditor with only the public key checks
/// checkpoints and proofs, not seals.
/// </summary>
public static class EntrySeal
{
    /// <summary>The stored seal length: 128 bits, ample for a MAC that cannot be attacked offline.</summary>
    public const int Length = 16;

    /// <summary>The seal key's length.</summary>
    public const int KeyLength = 32;

    private static readonly byte[] DerivationLabel = Encoding.ASCII.GetBytes("vigie/journal/entry-seal/v1");

    /// <summary>Derives the seal key from the journal's private scalar (HKDF-SHA-256), so there is one secret to keep.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.IsEmpty)
        {
            throw new ArgumentException("the private key is empty", nameof(privateKey));
        }

        var key = new byte[KeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, privateKey, key, ReadOnlySpan<byte>.Empty, DerivationLabel);
        return key;
    }

    /// <summary>Writes the seal of entry <paramref name="sequence"/> with <paramref name="leafHash"/> into <paramref name="seal"/> (16 bytes).</summary>
    public static void Compute(ReadOnlySpan<byte> key, long sequence, in MerkleHash leafHash, Span<byte> seal)
    {
        Span<byte> message = stackalloc byte[8 + MerkleHash.Length];
        BinaryPrimitives.WriteInt64BigEndian(message, sequence);
        leafHash.CopyTo(message[8..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, mac);
        mac[..Length].CopyTo(seal);
    }

    /// <summary>The seal in a new array.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, long sequence, in MerkleHash leafHash)
    {
        var seal = new byte[Length];
        Compute(key, sequence, leafHash, seal);
        return seal;
    }

    /// <summary>The seals of entries <paramref name="firstSequence"/> onwards, computed eight at a time: seal i is at bytes [16i, 16i + 16).</summary>
    public static byte[] ComputeMany(ReadOnlySpan<byte> key, long firstSequence, ReadOnlySpan<MerkleHash> leafHashes)
    {
        var seals = new byte[leafHashes.Length * Length];
        new SealHasher(key).Compute(firstSequence, leafHashes, seals);
        return seals;
    }

    /// <summary>True when <paramref name="seal"/> is the seal of entry <paramref name="sequence"/> with this leaf hash (constant-time comparison).</summary>
    public static bool IsValid(ReadOnlySpan<byte> key, long sequence, in MerkleHash leafHash, ReadOnlySpan<byte> seal)
    {
        if (seal.Length != Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[Length];
        Compute(key, sequence, leafHash, expected);
        return CryptographicOperations.FixedTimeEquals(expected, seal);
    }
}
