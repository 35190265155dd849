using MailKit.Security;
using MimeKit;

namespace Vigie.Notices;

/// <summary>How to reach the organisation's SMTP relay. Connections are opened in parallel (one message at a time on each).</summary>
/// <param name="Host">Relay host.</param>
/// <param name="Port">Relay port (25, 587, 465).</param>
/// <param name="Security">TLS: none (loopback relay), STARTTLS required, STARTTLS when offered, or TLS on connect.</param>
/// <param name="From">The sender mailbox, e.g. "GRADeS HDF &lt;ne-pas-repondre@gradeshdf.example&gt;".</param>
/// <param name="UserName">SMTP user when the relay asks for authentication, else null.</param>
/// <param name="Password">Its password (from $VIGIE_SMTP_PASSWORD), else null.</param>
/// <param name="Connections">Parallel connections (default 4).</param>
public sealed record SmtpOptions(string Host, int Port, SecureSocketOptions Security, MailboxAddress From, string? UserName = null, string? Password = null, int Connections = 4)
{
    /// <summary>The command-line spelling of <see cref="Security"/>: none, starttls, starttls-when-available, tls.</summary>
    public static SecureSocketOptions? ParseSecurity(string value) => value switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "starttls-when-available" => SecureSocketOptions.StartTlsWhenAvailable,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => null,
    };

    /// <summary>Connects <paramref name="client"/> to the relay (Nagle off), authenticated when a user is set.</summary>
    public async Task ConnectAsync(MailKit.Net.Smtp.SmtpClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);

        // Nagle off: a message ends with a small write (".") that would otherwise wait for the server's delayed
        // ACK, about 40 ms per message on Linux, which caps a connection at some 25 messages per second.
#pragma warning disable CA2000 // Once connected, the SmtpClient owns the socket and closes it with the connection; on failure it is disposed below.
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore CA2000
        try
        {
            await socket.ConnectAsync(Host, Port, ct).ConfigureAwait(false);
            await client.ConnectAsync(socket, Host, Port, Security, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (UserName is not null)
        {
            await client.AuthenticateAsync(UserName, Password ?? "", ct).ConfigureAwait(false);
        }
    }
}
