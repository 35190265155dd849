using Vigie.Core.Journal;
using Vigie.Storage.Journal;

namespace Vigie.Incidents;

/// <summary>
/// The journal's key as the incident tools find it: the key file of the data directory, with the origin read from
/// the public key file written beside it (so the tools need no origin setting that could disagree with the
/// server's). Never created here: a data directory without a key has no journal to prove anything from.
/// </summary>
internal static class JournalKeyFiles
{
    public static JournalSigningKey? TryLoad(string dataDirectory)
    {
        var pem = Path.Combine(dataDirectory, JournalSigningKey.FileName);
        var pub = Path.Combine(dataDirectory, JournalSigningKey.PublicFileName);
        if (!File.Exists(pem) || !File.Exists(pub))
        {
            return null;
        }

        var verifier = CheckpointKey.ParseVerifierKey(File.ReadAllText(pub));
        return verifier.Success
            ? JournalSigningKey.Load(pem, verifier.Value.Name)
            : throw new InvalidOperationException($"{pub} is not a verifier key: {verifier.Error}");
    }
}

/// <summary>The host's journal key for incidents: the one registered by the journal wiring if any, else the data directory's.</summary>
internal sealed class IncidentJournalKey(IServiceProvider services, Hosting.VigieSettings settings) : IDisposable
{
    private readonly Lazy<(JournalSigningKey? Key, bool Owned)> _key = new(() =>
        services.GetService<JournalSigningKey>() is { } shared ? (shared, false) : (JournalKeyFiles.TryLoad(settings.DataDirectory), true));

    public JournalTrust? Trust => _key.Value.Key?.Trust;

    public void Dispose()
    {
        if (_key.IsValueCreated && _key.Value.Owned)
        {
            _key.Value.Key?.Dispose();
        }
    }
}
