using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Core.Journal;

/// <summary>
/// Signs and opens checkpoints as C2SP signed notes: the checkpoint text, a blank line, then one line
/// <c>— name base64(key id || signature)</c>. The signature is ECDSA P-256 with SHA-256 over the UTF-8 text, in
/// ASN.1 DER form (signature type 0x02, as transparency-dev's witness implements it).
/// </summary>
public static class CheckpointNote
{
    /// <summary>Notes longer than this are refused unread: a checkpoint is a few hundred bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private const string SignaturePrefix = "\u2014 ";

    /// <summary>Signs a checkpoint with the log's P-256 key; the key name is the checkpoint's origin.</summary>
    public static SignedCheckpoint Sign(Checkpoint checkpoint, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(key);
        var publicKey = CheckpointKey.FromEcdsa(checkpoint.Origin, key);
        var text = checkpoint.ToNoteText();
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var blob = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(blob, publicKey.KeyId);
        signature.CopyTo(blob, 4);
        var note = text + "\n" + SignaturePrefix + checkpoint.Origin + " " + Convert.ToBase64String(blob) + "\n";
        return new SignedCheckpoint(checkpoint, note);
    }

    /// <summary>
    /// Verifies a note against a trusted key and parses its checkpoint. Every failure (garbage, truncation, another
    /// key, a bad signature, a checkpoint of another log) is a refusal with its reason, never an exception.
    /// </summary>
    public static ParseResult<Checkpoint> Open(string? note, CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var verifier = key.CreateVerifier();
        return Open(note, key, verifier);
    }

    /// <summary>As <see cref="Open(string?, CheckpointKey)"/>, reusing a verifier from <see cref="CheckpointKey.CreateVerifier"/> (the journal verifier opens thousands).</summary>
    public static ParseResult<Checkpoint> Open(string? note, CheckpointKey key, ECDsa verifier)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(verifier);
        if (string.IsNullOrEmpty(note) || note.Length > MaxLength)
        {
            return ParseResult<Checkpoint>.Fail("the note is empty or too long");
        }

        if (note.Any(c => c < 0x20 && c != '\n') || !note.EndsWith('\n'))
        {
            return ParseResult<Checkpoint>.Fail("the note has control characters or does not end with a newline");
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || split + 2 >= note.Length)
        {
            return ParseResult<Checkpoint>.Fail("the note has no signature block");
        }

        var text = note[..(split + 1)];
        var signatureLines = note[(split + 2)..^1].Split('\n');
        var textBytes = Encoding.UTF8.GetBytes(text);
        var signedByKey = false;
        foreach (var line in signatureLines)
        {
            var signature = ParseSignatureLine(line);
            if (signature is null)
            {
                return ParseResult<Checkpoint>.Fail("a signature line is malformed");
            }

            var (name, keyId, bytes) = signature.Value;
            if (!string.Equals(name, key.Name, StringComparison.Ordinal) || keyId != key.KeyId)
            {
                continue; // C2SP: signatures by unknown keys (witness cosignatures, a rotated key) are ignored.
            }

            if (!VerifySignature(verifier, textBytes, bytes))
            {
                return ParseResult<Checkpoint>.Fail($"the signature of {key.Name} does not verify");
            }

            signedByKey = true;
        }

        if (!signedByKey)
        {
            return ParseResult<Checkpoint>.Fail($"the note is not signed by the trusted key {key.Name}");
        }

        var checkpoint = Checkpoint.ParseNoteText(text);
        if (!checkpoint.Success)
        {
            return checkpoint;
        }

        return string.Equals(checkpoint.Value.Origin, key.Name, StringComparison.Ordinal)
            ? checkpoint
            : ParseResult<Checkpoint>.Fail("the checkpoint is for another log");
    }

    private static (string Name, uint KeyId, byte[] Signature)? ParseSignatureLine(string line)
    {
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var blob = new byte[rest.Length];
        if (!Convert.TryFromBase64String(rest[(space + 1)..], blob, out var length) || length < 5)
        {
            return null;
        }

        return (rest[..space], BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..length]);
    }

    private static bool VerifySignature(ECDsa verifier, byte[] text, byte[] signature)
    {
        try
        {
            return verifier.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false; // A malformed DER signature is a failed verification, not a crash.
        }
    }
}
