using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Storage.Tests.Journal;

/// <summary>The key file: created once, owner-only, and refused when others can read it.</summary>
public sealed class JournalSigningKeyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigie-key-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void LoadOrCreate_CreatesAnOwnerOnlyKey_ThenLoadsTheSameOne()
    {
        using var created = JournalSigningKey.LoadOrCreate(_directory, Journals.Origin);
        var path = Path.Combine(_directory, JournalSigningKey.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path), StringComparison.Ordinal);
        using var loaded = JournalSigningKey.LoadOrCreate(_directory, Journals.Origin);
        Assert.Equal(created.PublicKey, loaded.PublicKey);
        Assert.True(loaded.SealKey.Span.SequenceEqual(created.SealKey.Span));
        Assert.Equal(created.PublicKey, CheckpointKey.ParseVerifierKey(File.ReadAllText(Path.Combine(_directory, JournalSigningKey.PublicFileName))).Value);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void KeyReadableByOthers_IsRefused()
    {
        using (JournalSigningKey.LoadOrCreate(_directory, Journals.Origin))
        {
        }

        var path = Path.Combine(_directory, JournalSigningKey.FileName);
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var refused = Assert.Throws<InvalidOperationException>(() => JournalSigningKey.LoadOrCreate(_directory, Journals.Origin));
        Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignedCheckpoints_OpenWithThePublicKey()
    {
        using var key = JournalSigningKey.LoadOrCreate(_directory, Journals.Origin);
        var signed = key.Sign(new Checkpoint(Journals.Origin, 3, MerkleHash.Empty, Journals.Start));
        Assert.True(CheckpointNote.Open(signed.Note, key.PublicKey).Success);
        Assert.Throws<ArgumentException>(() => key.Sign(new Checkpoint("other/log", 3, MerkleHash.Empty, Journals.Start)));
    }

    [Fact]
    public void ConcurrentFirstUse_YieldsOneKey()
    {
        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => JournalSigningKey.LoadOrCreate(_directory, Journals.Origin)).ToList();
        Assert.Single(keys.Select(k => k.PublicKey.ToVerifierKey()).Distinct());
        keys.ForEach(k => k.Dispose());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
