using System.Diagnostics;
using System.Net.Sockets;

namespace Vigie.Tests.Support;

/// <summary>
/// `vigie serve` as a real child process on a free loopback port, for tests that must kill the server the hard way
/// (SIGKILL: no shutdown hooks, no flush). Always killed on dispose.
/// </summary>
public sealed class VigieServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private VigieServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<VigieServerProcess> StartAsync(string dataDirectory, string? postgres, int? port = null, params string[] extra)
    {
        var url = "http://127.0.0.1:" + (port ?? FreePort());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { typeof(Vigie.Cli.VigieCommandLine).Assembly.Location, "serve", "--data", dataDirectory, "--urls", url, "--builtin-idp" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("VIGIE_POSTGRES");
        if (postgres is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgres);
        }

        foreach (var a in extra)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        // Drain the output so that a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new VigieServerProcess(process, url);
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, "vigie serve exited during start-up");
            try
            {
                if ((await client.GetAsync(url + "/fhir/metadata")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException("vigie serve did not answer within 60 s");
    }

    /// <summary>SIGKILL: the process gets no chance to flush or sign anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
