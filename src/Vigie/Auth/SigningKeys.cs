using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Vigie.Auth;

/// <summary>
/// The built-in provider's keys, kept in the data directory (keys/), created on first use with owner-only
/// permissions. The server validates with the same signing key that `vigie token` signs with.
/// Several nodes on one PostgreSQL database must share the directory's keys.
/// </summary>
internal sealed class SigningKeys
{
    private SigningKeys(ECDsaSecurityKey signing, SymmetricSecurityKey encryption)
    {
        Signing = signing;
        Encryption = encryption;
        Credentials = new SigningCredentials(signing, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>ES256 (ECDSA P-256) signing key.</summary>
    public ECDsaSecurityKey Signing { get; }

    /// <summary>Encrypts the provider's own artifacts (authorization codes, refresh tokens); access tokens are signed only.</summary>
    public SymmetricSecurityKey Encryption { get; }

    public SigningCredentials Credentials { get; }

    public static SigningKeys LoadOrCreate(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "keys");
        Directory.CreateDirectory(directory);
        var signingPath = Path.Combine(directory, "idp-signing.pem");
        var encryptionPath = Path.Combine(directory, "idp-encryption.key");
#pragma warning disable CA2000 // The key lives as long as the process: it signs and validates every token.
        var ecdsa = ECDsa.Create();
#pragma warning restore CA2000
        if (File.Exists(signingPath))
        {
            ecdsa.ImportFromPem(File.ReadAllText(signingPath));
        }
        else
        {
            ecdsa.GenerateKey(ECCurve.NamedCurves.nistP256);
            WriteSecret(signingPath, System.Text.Encoding.ASCII.GetBytes(ecdsa.ExportPkcs8PrivateKeyPem()));
        }

        if (!File.Exists(encryptionPath))
        {
            WriteSecret(encryptionPath, RandomNumberGenerator.GetBytes(32));
        }

        var kid = Base64UrlEncoder.Encode(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo())[..12]);
        return new SigningKeys(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, new SymmetricSecurityKey(File.ReadAllBytes(encryptionPath)));
    }

    private static void WriteSecret(string path, byte[] content)
    {
        // Written to a temporary file first, so that two processes starting together never read half a key.
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // Another process won the race: its key is the one.
        }
    }
}
