using System.Security.Cryptography;
using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// The journal's ECDSA P-256 key, in a PKCS#8 PEM file in the data directory, created on first use readable by
/// its owner only. It signs checkpoints and, through a derived key, seals entries. Its public half is written
/// beside it as a C2SP verifier key (<c>.pub</c>) to hand to auditors and witnesses. Nodes sharing one PostgreSQL
/// database must share this file: the journal refuses appends signed by a key other than the one it started with.
/// </summary>
public sealed class JournalSigningKey : IDisposable
{
    public const string FileName = "journal-signing-key.pem";
    public const string PublicFileName = "journal-signing-key.pub";

    private const UnixFileMode OthersMayAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly ECDsa _key;
    private readonly byte[] _sealKey;
    private readonly Lock _gate = new();

    private JournalSigningKey(ECDsa key, string origin)
    {
        _key = key;
        Origin = origin;
        PublicKey = CheckpointKey.FromEcdsa(origin, key);
        _sealKey = EntrySeal.DeriveKey(key.ExportParameters(includePrivateParameters: true).D);
    }

    /// <summary>The log's name, also the key name in signatures.</summary>
    public string Origin { get; }

    public CheckpointKey PublicKey { get; }

    public ReadOnlyMemory<byte> SealKey => _sealKey;

    /// <summary>Everything the verifier needs to check this journal exactly (seals included).</summary>
    public JournalTrust Trust => new(PublicKey, _sealKey);

    /// <summary>Loads the key of a data directory, creating it first if there is none.</summary>
    public static JournalSigningKey LoadOrCreate(string dataDirectory, string origin)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = Load(path, origin);
        var publicPath = Path.Combine(dataDirectory, PublicFileName);
        if (!File.Exists(publicPath))
        {
            File.WriteAllText(publicPath, key.PublicKey.ToVerifierKey() + "\n");
        }

        return key;
    }

    /// <summary>Loads an existing key file; refuses one that other users may read (the key is the journal's integrity).</summary>
    public static JournalSigningKey Load(string path, string origin)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayAccess) != 0)
        {
            throw new InvalidOperationException($"The journal key {path} is accessible to other users; restrict it with chmod 600.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256)
            {
                throw new InvalidOperationException($"The journal key {path} is not a P-256 key.");
            }

            return new JournalSigningKey(key, origin);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Signs a checkpoint (the key's origin must be the checkpoint's).</summary>
    public SignedCheckpoint Sign(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!string.Equals(checkpoint.Origin, Origin, StringComparison.Ordinal))
        {
            throw new ArgumentException("the checkpoint is for another log", nameof(checkpoint));
        }

        // ECDsa instances are not documented as safe for concurrent use; signing is rare (once a second).
        lock (_gate)
        {
            return CheckpointNote.Sign(checkpoint, _key);
        }
    }

    public void Dispose() => _key.Dispose();

    // Written to a private temporary file, then moved into place without overwriting: two processes starting at
    // once cannot both create a key, and nobody ever sees a half-written or world-readable one.
    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temp = path + "." + Path.GetRandomFileName() + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Write('\n');
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
