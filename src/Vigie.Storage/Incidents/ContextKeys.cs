using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Storage.Incidents;

/// <summary>How request-context values are stored so that long ones still index and compare exactly.</summary>
public static class ContextKeys
{
    /// <summary>Values up to this length are stored as they are; longer ones as "#" + hex SHA-256.</summary>
    public const int MaxLookupLength = 200;

    /// <summary>The stored form of a session or user agent: itself when short, else a hash that still compares exactly.</summary>
    public static string? Lookup(string? value) =>
        value is null ? null
        : value.Length <= MaxLookupLength && !value.StartsWith('#') ? value
        : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The context's key: SHA-256 over the four stored values, each length-prefixed (null distinct from empty).</summary>
    public static string Key(string? professional, string? session, string? ip, string? userAgent)
    {
        var length = 16 + Bytes(professional) + Bytes(session) + Bytes(ip) + Bytes(userAgent);
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = 0;
        foreach (var value in (ReadOnlySpan<string?>)[professional, session, ip, userAgent])
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer[written..], value is null ? -1 : Encoding.UTF8.GetByteCount(value));
            written += 4;
            if (value is not null)
            {
                written += Encoding.UTF8.GetBytes(value, buffer[written..]);
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..written], hash);
        return Convert.ToHexStringLower(hash);
    }

    private static int Bytes(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value);
}
