using System.Net;
using Npgsql;

namespace Vigie.Storage.Postgres;

/// <summary>
/// Deny by default on the wire: a connection string that leaves this machine must require TLS. Npgsql's default
/// (SSL Mode=Prefer) falls back to plain text whenever the server does not offer TLS, so patient identities could
/// cross the region's network readable by anyone on the path without anyone noticing. Loopback addresses and Unix
/// sockets never leave the machine, and there TLS only costs CPU (docs/benchmarks.md, journal verification).
/// </summary>
public static class PostgresTransport
{
    /// <summary>Null when the connection string is acceptable; otherwise what is wrong and how to fix it (no secret in it).</summary>
    public static string? Problem(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "the PostgreSQL connection string cannot be read (expected Key=Value pairs separated by ';', e.g. Host=...;Database=...;Username=...)";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return "the PostgreSQL connection string names no Host";
        }

        var remote = builder.Host.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(HostName).Where(h => !IsLocal(h)).ToList();
        if (remote.Count == 0 || builder.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
        {
            return null;
        }

        return $"the PostgreSQL server {string.Join(", ", remote)} is reached over the network without requiring TLS (SSL Mode={builder.SslMode}): " +
               "add 'SSL Mode=VerifyFull' (with 'Root Certificate=...' if the server's CA is not trusted by the system), or at least 'SSL Mode=Require'";
    }

    // "host:port" in a multi-host list; a bracketed IPv6 address keeps its brackets off.
    private static string HostName(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(':', StringComparison.Ordinal) == colon ? host[..colon] : host;
    }

    // A Unix socket directory, "localhost", or a loopback address.
    private static bool IsLocal(string host) =>
        host.StartsWith('/') || host.StartsWith('@') || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
