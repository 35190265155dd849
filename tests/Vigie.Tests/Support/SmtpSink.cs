using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Vigie.Tests.Support;

/// <summary>
/// A small but real SMTP server on a loopback port for one test: ESMTP with PIPELINING and 8BITMIME, several
/// connections at once, every accepted message kept (envelope and raw bytes) to be read back. It can refuse chosen
/// recipients for good (550) or for a while (451), like a real relay.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly ConcurrentDictionary<string, int> _deferrals = new(StringComparer.OrdinalIgnoreCase);
    private int _count;
    private int _disposed;

    private SmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        _accepting = AcceptAsync();
    }

    /// <summary>One accepted message.</summary>
    public sealed record Received(string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw)
    {
        public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));

        public string MessageId => Parse().MessageId ?? "";
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>Recipients refused for good (550 at RCPT).</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called after each accepted message with the running count (before the 250 is written).</summary>
    public Action<int>? OnAccepted { get; set; }

    public static SmtpSink Start() => new();

    /// <summary>Answer 451 to <paramref name="recipient"/> the next <paramref name="times"/> times.</summary>
    public void Defer(string recipient, int times) => _deferrals[recipient] = times;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        await Task.WhenAll(_sessions.ToArray()).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _sessions.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new LineReader(stream);
            async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token);
            await Reply("220 sink.test ESMTP ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 ENHANCEDSTATUSCODES");
                        break;
                    case "HELO":
                        await Reply("250 sink.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await Reply("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var to = Address(line);
                        if (Refused.ContainsKey(to))
                        {
                            await Reply("550 5.1.1 No such user");
                        }
                        else if (_deferrals.TryGetValue(to, out var left) && left > 0)
                        {
                            _deferrals[to] = left - 1;
                            await Reply("451 4.3.0 Try again later");
                        }
                        else
                        {
                            recipients.Add(to);
                            await Reply("250 2.1.5 Ok");
                        }

                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0)
                        {
                            await Reply("554 5.5.1 No valid recipients");
                            break;
                        }

                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var raw = await reader.ReadDataAsync(_stop.Token);
                        Messages.Enqueue(new Received(from, [.. recipients], raw));
                        var n = Interlocked.Increment(ref _count);
                        OnAccepted?.Invoke(n);
                        await Reply($"250 2.0.0 Ok: queued as Q{n}");
                        from = null;
                        recipients.Clear();
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await Reply("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await Reply("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await Reply("221 2.0.0 Bye");
                        return;
                    default:
                        await Reply("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or was killed): its unfinished message is discarded, as a real server does.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = await ReadRawLineAsync(ct);
            return line is null ? null : Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
        }

        public async Task<byte[]> ReadDataAsync(CancellationToken ct)
        {
            using var data = new MemoryStream();
            while (await ReadRawLineAsync(ct) is { } line)
            {
                if (line.Length is 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n')
                {
                    return data.ToArray();
                }

                // Dot-unstuffing (RFC 5321 4.5.2).
                var skip = line.Length > 0 && line[0] == '.' ? 1 : 0;
                data.Write(line, skip, line.Length - skip);
            }

            throw new IOException("connection closed inside DATA");
        }

        private async Task<byte[]?> ReadRawLineAsync(CancellationToken ct)
        {
            using var line = new MemoryStream();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] == (byte)'\n')
                    {
                        line.Write(_buffer, _start, i + 1 - _start);
                        _start = i + 1;
                        return line.ToArray();
                    }
                }

                line.Write(_buffer, _start, _end - _start);
                _start = _end = 0;
                var read = await stream.ReadAsync(_buffer, ct);
                if (read == 0)
                {
                    return null;
                }

                _end = read;
            }
        }
    }
}
