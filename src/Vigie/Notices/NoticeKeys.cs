using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Notices;

namespace Vigie.Notices;

/// <summary>
/// The notices secret (DATA/keys/notices.key, 32 random bytes, owner-only, created on first use) and the keys derived
/// from it by HKDF: the reference lookup hash key, the key that seals references until they are sent, and the key
/// that hashes reporters' IP addresses. The sender and the portal must read the same file (nodes sharing one
/// PostgreSQL database share the keys directory, as for the sign-in keys).
/// </summary>
internal sealed class NoticeKeys
{
    public const string FileName = "notices.key";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _lookup;
    private readonly byte[] _seal;
    private readonly byte[] _reporter;

    private NoticeKeys(byte[] secret)
    {
        _lookup = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "vigie notices reference lookup v1"u8.ToArray());
        _seal = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "vigie notices reference seal v1"u8.ToArray());
        _reporter = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "vigie notices reporter ip v1"u8.ToArray());
    }

    public static NoticeKeys LoadOrCreate(string dataDirectory) => new(SecretFile.LoadOrCreate(Path.Combine(dataDirectory, "keys", FileName), 32));

    /// <summary>For tests: keys from a given secret.</summary>
    public static NoticeKeys FromSecret(byte[] secret) => new(secret);

    /// <summary>The 128-bit keyed hash the database stores and the portal looks up.</summary>
    public byte[] LookupHash(VerificationReference reference) => reference.LookupHash(_lookup);

    /// <summary>Seals a reference to one message id: nonce ‖ AES-256-GCM ciphertext ‖ tag.</summary>
    public byte[] Seal(VerificationReference reference, string messageId)
    {
        var plain = Encoding.ASCII.GetBytes(reference.Canonical);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_seal, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(messageId));
        return sealedBytes;
    }

    /// <summary>Opens a sealed reference; throws when it was not sealed with this key for this message id (tampering or a wrong key file).</summary>
    public VerificationReference Unseal(byte[] sealedBytes, string messageId)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        if (length != VerificationReference.Length)
        {
            throw new CryptographicException("sealed reference of unexpected length");
        }

        var plain = new byte[length];
        using var aes = new AesGcm(_seal, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(messageId));
        return VerificationReference.Parse(Encoding.ASCII.GetString(plain)).Value;
    }

    /// <summary>A keyed hash of a reporter's IP address (hex, 128 bits): groups reports by source without keeping the address.</summary>
    public string? ReporterHash(string? clientIp)
    {
        if (string.IsNullOrEmpty(clientIp))
        {
            return null;
        }

        var mac = HMACSHA256.HashData(_reporter, Encoding.ASCII.GetBytes(clientIp));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    /// <summary>A new random Message-ID (without brackets) under <paramref name="domain"/>: stable for the notification's life.</summary>
    public static string NewMessageId(string domain)
    {
        Span<byte> random = stackalloc byte[15];
        RandomNumberGenerator.Fill(random);
        return string.Create(CultureInfo.InvariantCulture, $"avis.{Convert.ToHexStringLower(random)}@{domain}");
    }
}
