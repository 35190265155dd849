using System.Diagnostics;

namespace Vigie.Tests.Support;

/// <summary>Runs the real `vigie` executable (the built vigie.dll) as a separate process, with a time limit.</summary>
public static class VigieProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var dll = typeof(Vigie.Cli.VigieCommandLine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("VIGIE_POSTGRES");
        start.Environment.Remove("VIGIE_CHROMIUM");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("vigie " + string.Join(' ', args) + " did not finish in 3 minutes");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
