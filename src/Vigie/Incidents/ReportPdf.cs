using System.Diagnostics;

namespace Vigie.Incidents;

/// <summary>
/// The report as PDF, printed from report.html by headless Chromium (Debian's chromium package): the same page an
/// officer sees, so the two cannot drift, and no PDF library. Chromium is used only when configured
/// (<c>--chromium PATH</c> or <c>$VIGIE_CHROMIUM</c>), in a throw-away profile, without the network (the page loads
/// nothing; a proxy that does not exist catches anything that tried). The report carries its Content-Security-Policy
/// as a meta element (no script, no resource); scripts cannot be switched off in Chromium itself, whose printing
/// needs them.
/// </summary>
internal static class ReportPdf
{
    public const string FileName = "report.pdf";
    public const string Variable = "VIGIE_CHROMIUM";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The Chromium to use: the option, else the environment variable; null when none is configured.</summary>
    public static string? Configured(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } variable ? variable : null;

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/>; returns why it failed, or null.</summary>
    public static async Task<string?> PrintAsync(string chromium, string html, string pdf, CancellationToken ct)
    {
        if (!File.Exists(chromium))
        {
            return "no Chromium at " + chromium;
        }

        var profile = Directory.CreateTempSubdirectory("vigie-chromium-");
        var temporary = pdf + ".tmp";
        try
        {
            var start = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments(profile.FullName, temporary, html))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return ct.IsCancellationRequested ? "cancelled" : $"Chromium did not finish within {Timeout.TotalSeconds:F0} s";
            }

            await Task.WhenAll(output, error).ConfigureAwait(false);
            if (process.ExitCode != 0 || !IsPdf(temporary))
            {
                var reason = (await error.ConfigureAwait(false)).Trim();
                return $"Chromium exited with {process.ExitCode} without a PDF" + (reason.Length == 0 ? "" : ": " + reason[..Math.Min(reason.Length, 500)]);
            }

            File.Move(temporary, pdf, overwrite: true);
            return null;
        }
        finally
        {
            File.Delete(temporary);
            profile.Delete(recursive: true);
        }
    }

    private static List<string> Arguments(string profile, string pdf, string html)
    {
        var arguments = new List<string>
        {
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
        };

        // Chromium's sandbox refuses to run as root (containers, CI); an unprivileged user keeps it.
        if (Environment.IsPrivilegedProcess)
        {
            arguments.Add("--no-sandbox");
        }

        arguments.Add(new Uri(Path.GetFullPath(html)).AbsoluteUri);
        return arguments;
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[5];
        using var file = File.OpenRead(path);
        return file.Read(head) == 5 && head.SequenceEqual("%PDF-"u8);
    }
}
