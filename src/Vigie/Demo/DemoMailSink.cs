using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigie.Demo;

/// <summary>
/// The demo's local mailbox: a minimal SMTP receiver on 127.0.0.1 (any free port) that accepts every message and
/// writes it as an .eml file, so the notification run talks real SMTP without sending anything outside the
/// machine. Enough of RFC 5321 for one client: EHLO/HELO, MAIL, RCPT, DATA (dot-unstuffed), RSET, NOOP, QUIT.
/// Not a server for anything but the demo.
/// </summary>
internal sealed class DemoMailSink : IAsyncDisposable
{
    private const int MaxMessageBytes = 1 << 20;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _directory;
    private readonly Task _accepting;
    private int _count;

    public DemoMailSink(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Received => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 vigie-demo local mailbox").ConfigureAwait(false);
                while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-vigie-demo").ConfigureAwait(false);
                            await writer.WriteLineAsync("250-8BITMIME").ConfigureAwait(false);
                            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"250 SIZE {MaxMessageBytes}")).ConfigureAwait(false);
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>").ConfigureAwait(false);
                            await ReceiveAsync(reader).ConfigureAwait(false);
                            await writer.WriteLineAsync("250 stored").ConfigureAwait(false);
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye").ConfigureAwait(false);
                            return;
                        default:
                            // HELO, MAIL, RCPT, RSET, NOOP: accepted as they come.
                            await writer.WriteLineAsync("250 ok").ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // Client gone or demo stopping.
            }
        }
    }

    private async Task ReceiveAsync(StreamReader reader)
    {
        var message = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line && line != ".")
        {
            message.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
            if (message.Length > MaxMessageBytes)
            {
                throw new IOException("message too large for the demo mailbox");
            }
        }

        var number = Interlocked.Increment(ref _count);
        await File.WriteAllTextAsync(Path.Combine(_directory, number.ToString("D6", CultureInfo.InvariantCulture) + ".eml"), message.ToString(), Encoding.Latin1, _stop.Token).ConfigureAwait(false);
    }
}
