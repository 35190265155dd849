using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Vigie.Core.Journal;

/// <summary>
/// A trusted checkpoint-signing public key: the key name (the log's origin) and the ECDSA P-256 public key as a
/// DER SubjectPublicKeyInfo. Signature type 0x02 of the C2SP signed-note spec, whose key id is the first four bytes
/// of SHA-256 of that DER encoding. It comes from configuration or the key file, never from the database it checks.
/// </summary>
public sealed record CheckpointKey
{
    /// <summary>The C2SP signed-note signature type for ECDSA.</summary>
    public const byte SignatureType = 0x02;

    private readonly byte[] _publicKey;

    private CheckpointKey(string name, byte[] publicKey)
    {
        Name = name;
        _publicKey = publicKey;
        KeyId = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(publicKey));
    }

    /// <summary>The key name, equal to the checkpoints' origin.</summary>
    public string Name { get; }

    /// <summary>The 4-byte key id that prefixes each signature.</summary>
    public uint KeyId { get; }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>The public half of a P-256 key.</summary>
    public static CheckpointKey FromEcdsa(string name, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Checkpoint.IsValidOrigin(name))
        {
            throw new ArgumentException("a key name is non-empty printable text without spaces or '+'", nameof(name));
        }

        if (key.KeySize != 256)
        {
            throw new ArgumentException("checkpoints are signed with ECDSA P-256", nameof(key));
        }

        return new CheckpointKey(name, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a verifier key written by <see cref="ToVerifierKey"/>: <c>name+hex(key id)+base64(0x02 || SPKI)</c>.</summary>
    public static ParseResult<CheckpointKey> ParseVerifierKey(string? text)
    {
        // Base64 may contain '+', the name and the hex id may not: only the first two separate fields.
        var parts = text?.Trim().Split('+', 3);
        if (parts is not { Length: 3 } || !Checkpoint.IsValidOrigin(parts[0]) || parts[1].Length != 8)
        {
            return ParseResult<CheckpointKey>.Fail("a verifier key is name+keyid+base64key");
        }

        byte[] typed;
        try
        {
            typed = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return ParseResult<CheckpointKey>.Fail("the verifier key's public key is not base64");
        }

        if (typed.Length < 2 || typed[0] != SignatureType)
        {
            return ParseResult<CheckpointKey>.Fail("the verifier key is not an ECDSA (type 0x02) key");
        }

        var spki = typed[1..];
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || ecdsa.KeySize != 256)
            {
                return ParseResult<CheckpointKey>.Fail("the verifier key is not a P-256 public key");
            }
        }
        catch (CryptographicException)
        {
            return ParseResult<CheckpointKey>.Fail("the verifier key is not a P-256 public key");
        }

        var key = new CheckpointKey(parts[0], spki);
        return string.Equals(key.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), parts[1], StringComparison.Ordinal)
            ? ParseResult<CheckpointKey>.Ok(key)
            : ParseResult<CheckpointKey>.Fail("the verifier key's id does not match its public key");
    }

    /// <summary>The shareable text form (C2SP "vkey" layout): give it to auditors and witnesses.</summary>
    public string ToVerifierKey() =>
        Name + "+" + KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "+" + Convert.ToBase64String([SignatureType, .. _publicKey]);

    /// <summary>A verifier for this key; dispose it after use.</summary>
    public ECDsa CreateVerifier()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_publicKey, out _);
        return ecdsa;
    }

    /// <inheritdoc />
    public bool Equals(CheckpointKey? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && _publicKey.AsSpan().SequenceEqual(other._publicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), KeyId);
}
