using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>Signed checkpoints: C2SP note layout, ECDSA P-256, and clean refusals for anything else.</summary>
public sealed class CheckpointNoteTests
{
    private static readonly Checkpoint Sample = new(TestLog.Origin, 20852163, MerkleTree.HashLeaf([1, 2, 3]), new DateTimeOffset(2026, 3, 2, 8, 15, 3, TimeSpan.Zero).AddTicks(1234567));

    [Fact]
    public void SignedNote_OpensWithItsKey_ToTheSameCheckpoint()
    {
        var signed = CheckpointNote.Sign(Sample, TestLog.SigningKey);
        var opened = CheckpointNote.Open(signed.Note, TestLog.PublicKey);
        Assert.True(opened.Success, opened.Error);
        Assert.Equal(Sample, opened.Value);
    }

    [Fact]
    public void Note_HasTheC2spCheckpointLayout()
    {
        var note = CheckpointNote.Sign(Sample with { RetentionBoundary = true }, TestLog.SigningKey).Note;
        var lines = note.Split('\n');
        Assert.Equal(TestLog.Origin, lines[0]);
        Assert.Equal("20852163", lines[1]);
        Assert.Equal(Sample.Root.ToBase64(), lines[2]);
        Assert.Equal("time 2026-03-02T08:15:03.1234567Z", lines[3]);
        Assert.Equal("retention-boundary", lines[4]);
        Assert.Equal("", lines[5]);
        Assert.StartsWith("\u2014 " + TestLog.Origin + " ", lines[6], StringComparison.Ordinal);
        Assert.Equal("", lines[7]);

        // Signature blob: 4-byte key id (SHA-256 of the SPKI, big-endian) then the DER signature.
        var blob = Convert.FromBase64String(lines[6].Split(' ')[2]);
        Assert.Equal(SHA256.HashData(TestLog.SigningKey.ExportSubjectPublicKeyInfo())[..4], blob[..4]);
        Assert.Equal(0x30, blob[4]);
        Assert.True(TestLog.SigningKey.VerifyData(System.Text.Encoding.UTF8.GetBytes(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)]),
            blob[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void NoteSignedWithAnotherKey_IsRefusedCleanly()
    {
        var note = CheckpointNote.Sign(Sample, TestLog.OtherKey).Note;
        var opened = CheckpointNote.Open(note, TestLog.PublicKey);
        Assert.False(opened.Success);
        Assert.Contains("not signed by the trusted key", opened.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoteWithForgedSignatureUnderTrustedKeyId_IsRefused()
    {
        // Another key's signature relabelled with the trusted key id: the id matches, the signature must not.
        var note = CheckpointNote.Sign(Sample, TestLog.OtherKey).Note;
        var lines = note.Split('\n');
        var blob = Convert.FromBase64String(lines[^2].Split(' ')[2]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, TestLog.PublicKey.KeyId);
        lines[^2] = "\u2014 " + TestLog.Origin + " " + Convert.ToBase64String(blob);
        var opened = CheckpointNote.Open(string.Join('\n', lines), TestLog.PublicKey);
        Assert.Equal($"the signature of {TestLog.Origin} does not verify", opened.Error);
    }

    [Fact]
    public void ChangedBody_IsRefused()
    {
        var note = CheckpointNote.Sign(Sample, TestLog.SigningKey).Note;
        Assert.False(CheckpointNote.Open(note.Replace("20852163", "20852164", StringComparison.Ordinal), TestLog.PublicKey).Success);
    }

    [Fact]
    public void ExtraSignatureByUnknownKey_IsIgnored()
    {
        var note = CheckpointNote.Sign(Sample, TestLog.SigningKey).Note;
        var witness = CheckpointNote.Sign(Sample with { Origin = "witness.example" }, TestLog.OtherKey).Note;
        var cosigned = note + witness[(witness.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.True(CheckpointNote.Open(cosigned, TestLog.PublicKey).Success);
    }

    [Fact]
    public void CheckpointOfAnotherLog_SignedWithTheSameKeyMaterial_IsRefused()
    {
        var note = CheckpointNote.Sign(Sample with { Origin = "other.example/log" }, TestLog.SigningKey).Note;
        Assert.False(CheckpointNote.Open(note, TestLog.PublicKey).Success);
    }

    [Fact]
    public void GarbageAndTruncatedNotes_NeverThrow() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), Gen.Choose(0, 400).ToArbitrary(), (garbage, cut) =>
        {
            var note = CheckpointNote.Sign(Sample, TestLog.SigningKey).Note;

            // Garbage appended after the signature may or may not be refused; it must not throw.
            _ = CheckpointNote.Open(note + garbage + "\n", TestLog.PublicKey);
            _ = CheckpointNote.Open(garbage + note, TestLog.PublicKey);
            return !CheckpointNote.Open(garbage, TestLog.PublicKey).Success
                   && (cut >= note.Length || !CheckpointNote.Open(note[..cut], TestLog.PublicKey).Success);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("a\n\n\n")]
    [InlineData("a\n\n\u2014 vigie.test/journal AAAA\n")]
    [InlineData("a\n\n\u2014 vigie.test/journal !!!!\n")]
    [InlineData("a\n\n\u2014 \n")]
    [InlineData("vigie.test/journal\n1\nAAAA\n\n\u2014 vigie.test/journal AAAAAAAAAAAA\n")]
    public void MalformedNotes_AreRefused(string note) => Assert.False(CheckpointNote.Open(note, TestLog.PublicKey).Success);

    [Theory]
    [InlineData("o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 2026-03-02T08:15:03.0000000Z\n")]
    [InlineData("o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 2026-03-02T08:15:03.0000000Z\n")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 2026-03-02T08:15:03Z\n")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 2026-03-02T08:15:03.0000000Z\nextra\n")]
    [InlineData("o p\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 2026-03-02T08:15:03.0000000Z\n")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    public void CheckpointText_OnlyTheCanonicalShapeParses(string text) => Assert.False(Checkpoint.ParseNoteText(text).Success);

    [Fact]
    public void CheckpointText_RoundTrips() => Assert.Equal(Sample, Checkpoint.ParseNoteText(Sample.ToNoteText()).Value);

    [Fact]
    public void VerifierKey_RoundTrips_AndRefusesTampering()
    {
        var text = TestLog.PublicKey.ToVerifierKey();
        Assert.StartsWith(TestLog.Origin + "+", text, StringComparison.Ordinal);
        Assert.Equal(TestLog.PublicKey, CheckpointKey.ParseVerifierKey(text).Value);
        var other = CheckpointKey.FromEcdsa(TestLog.Origin, TestLog.OtherKey).ToVerifierKey();
        Assert.False(CheckpointKey.ParseVerifierKey(text.Split('+', 3)[0] + "+" + text.Split('+', 3)[1] + "+" + other.Split('+', 3)[2]).Success);
        Assert.False(CheckpointKey.ParseVerifierKey("garbage").Success);
        Assert.False(CheckpointKey.ParseVerifierKey(TestLog.Origin + "+00000000+!!!").Success);
        Assert.False(CheckpointKey.ParseVerifierKey(TestLog.Origin + "+00000000+AgAA").Success);
        Assert.False(CheckpointKey.ParseVerifierKey(null).Success);
    }

    [Fact]
    public void SigningWithANonP256Key_IsACallerBug()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => CheckpointNote.Sign(Sample, p384));
    }
}
