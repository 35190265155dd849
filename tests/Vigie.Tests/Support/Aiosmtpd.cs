using System.Diagnostics;
using System.Net.Sockets;

namespace Vigie.Tests.Support;

/// <summary>
/// Debian's python3-aiosmtpd as an independent SMTP server on a loopback port, storing what it accepts in a maildir.
/// Without it the test is skipped with the reason printed, except under CI=true, where it fails: .ci/run installs it.
/// </summary>
public sealed class Aiosmtpd : IAsyncDisposable
{
    private readonly Process _process;

    private Aiosmtpd(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static async Task<Aiosmtpd> StartAsync(string maildir, int? port = null)
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python) || !await ImportsAsync(Python))
        {
            const string reason = "this test needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd); .ci/run installs it";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + reason);
            }

            Assert.Skip(reason);
        }

        if (port is null)
        {
            using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var start = new ProcessStartInfo(Python) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port.Value);
                return new Aiosmtpd(process, port.Value, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill();
        throw new InvalidOperationException("aiosmtpd did not start listening");
    }

    /// <summary>Every message file delivered to the maildir.</summary>
    public IReadOnlyList<string> Delivered() => Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")) : [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> ImportsAsync(string python)
    {
        using var check = Process.Start(new ProcessStartInfo(python, "-c \"import aiosmtpd\"") { UseShellExecute = false, RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }
}
