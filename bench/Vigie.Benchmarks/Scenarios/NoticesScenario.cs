using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Vigie.Core.Journal;
using Vigie.Core.Notices;
using Vigie.Hosting;
using Vigie.Notices;
using Vigie.Storage.Notices;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// Issue 6's notification target: N notices generated and delivered to a local SMTP server (Debian's aiosmtpd, in
/// its own process, counting what it accepts), through the real run (planning, sealed references, claims,
/// confirmations) on a SQLite file or PostgreSQL. Baseline in the same run: MailKit alone sending pre-built messages
/// of the same size over the same number of connections to the same server, with no database and no rendering.
/// Usage: notices [--count N] [--connections C] [--baseline N] [--postgres CS] [--out docs/benchmarks.md]
/// </summary>
internal static class NoticesScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Counts accepted messages; prints the count when its standard input closes.
    private const string CountingServer = """
        import sys
        from aiosmtpd.controller import Controller
        class Counter:
            n = 0
            async def handle_DATA(self, server, session, envelope):
                Counter.n += 1
                return '250 2.0.0 Ok: queued'
        c = Controller(Counter(), hostname='127.0.0.1', port=int(sys.argv[1]))
        c.start()
        print('ready', flush=True)
        sys.stdin.read()
        c.stop()
        print(Counter.n, flush=True)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntArg(args, "--count", 100_000);
        var connections = IntArg(args, "--connections", 4);
        var baselineCount = IntArg(args, "--baseline", 10_000);
        var postgres = StringArg(args, "--postgres");
        var output = StringArg(args, "--out") ?? "docs/benchmarks.md";
        var directory = Path.Combine(Path.GetTempPath(), "vigie-bench-notices-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new VigieSettings { DataDirectory = directory, PostgresConnectionString = postgres };
        var storage = postgres is null ? "SQLite file" : "PostgreSQL 15";
        var loadBefore = LoadAverage();
        Log($"notices scenario: {count:N0} notices, {connections} SMTP connections, {storage}, load average {loadBefore}");
        await StorageSetup.MigrateAsync(settings, CancellationToken.None);

        var port = FreePort();
        var script = Path.Combine(Path.GetTempPath(), "vigie-smtp-counter.py");
        await File.WriteAllTextAsync(script, CountingServer);
        using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { script, port.ToString(Inv) }, RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        if (await server.StandardOutput.ReadLineAsync() != "ready")
        {
            throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd)");
        }

        var from = MailboxAddress.Parse("GRADeS HDF <ne-pas-repondre@gradeshdf.example>");
        var facts = new NoticeFacts("GRADeS Hauts-de-France", "GRADeS HDF", BreachKind.UsurpedProfessionalAccounts, new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 12),
            new DateOnly(2025, 9, 14), [NoticeMeasure.AccountsBlocked, NoticeMeasure.SessionsRevoked, NoticeMeasure.AuthoritiesNotified],
            new DpoContact("dpo@gradeshdf.example", "03 20 00 00 00", ["2 rue de l'Exemple", "59000 Lille"]), "https://vigie.gradeshdf.example/verifier");
        var targets = Enumerable.Range(0, count).Select(i => new NotificationTarget($"p-{i:D7}", $"Prénom{i} NOM{i % 977}", $"personne.{i}@exemple.fr", null, null,
            DisclosedData.Identity | DisclosedData.Email | DisclosedData.Phone)).ToList();

        // Baseline first, so both share the server's warm state: the same number of messages per connection.
        var baseline = await BaselineAsync(port, connections, from, facts, baselineCount);
        Log($"baseline (MailKit alone, pre-built messages): {baseline:F0}/s");

        var options = new NotificationRunOptions("bench-notices", facts, "gradeshdf.example",
            new SmtpOptions("127.0.0.1", port, SecureSocketOptions.None, from, Connections: connections), null, Path.Combine(directory, "lettres"))
        {
            ProgressEvery = TimeSpan.FromMilliseconds(200),
        };
        var emailStarted = TimeSpan.Zero;
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == "email" && emailStarted == TimeSpan.Zero)
            {
                emailStarted = p.Elapsed;
            }

            if (p.Sent % 10_000 < 150 && p.Sent > 0)
            {
                Log($"  {p.Phase}: {p.Sent:N0} sent of {p.Total:N0} ({p.Elapsed.TotalSeconds:F0} s)");
            }
        });
        var wall = Stopwatch.StartNew();
        var result = await NotificationRun.RunAsync(options, targets, NoticeKeys.LoadOrCreate(directory), () => StorageSetup.CreateContext(settings), TimeProvider.System,
            NullLogger.Instance, progress, CancellationToken.None);
        var total = wall.Elapsed;
        int sentRows;
        await using (var db = StorageSetup.CreateContext(settings))
        {
            sentRows = (await NotificationStore.CountAsync(db, "bench-notices", CancellationToken.None)).Where(c => c.Status == NotificationStatus.Sent).Sum(c => c.Count);
        }

        server.StandardInput.Close();
        var received = int.Parse((await server.StandardOutput.ReadLineAsync())!, Inv) - baselineCount;
        await server.WaitForExitAsync();
        var loadAfter = LoadAverage();
        var rate = count / total.TotalSeconds;
        Log($"run: {total.TotalSeconds:F1} s, {rate:F0}/s; sent rows {sentRows:N0}, received by the server {received:N0}; load average {loadAfter}");

        var report = new StringBuilder();
        report.AppendLine(Inv, $"## Notifications: {count:N0} notices generated and delivered to a local SMTP server ({storage})");
        report.AppendLine();
        report.AppendLine(Inv, $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd} on {Machine.Describe()}. **The machine was shared** with other engineers' builds and tests (load average {loadBefore} before, {loadAfter} after, on 2 cores), so absolute times are pessimistic; the ratio to the baseline measured in the same run is the comparable figure.");
        report.AppendLine(Inv, $"Reproduce: `apt-get install python3-aiosmtpd`, then `dotnet run -c Release --project bench/Vigie.Benchmarks -- notices --count {count}`.");
        report.AppendLine(Inv, $"Server: aiosmtpd {AiosmtpdVersion()} (Debian) in its own process on loopback, counting accepted messages. Messages: French notice, multipart text + HTML, about {MessageBytes(from, facts) / 1024.0:F1} KiB each; {connections} SMTP connections.");
        report.AppendLine();
        report.AppendLine("| What | Target | Measured |");
        report.AppendLine("|---|---|---|");
        report.AppendLine(Inv, $"| {count:N0} notices planned (reference drawn, hashed, sealed), rendered, sent, confirmed | ≤ 5 min | {total.TotalSeconds:F0} s ({rate:F0}/s): planning {emailStarted.TotalSeconds:F0} s, sending {(total - emailStarted).TotalSeconds:F0} s |");
        report.AppendLine(Inv, $"| Accepted by the SMTP server / recorded as sent | {count:N0} | {received:N0} / {sentRows:N0} |");
        report.AppendLine(Inv, $"| Baseline: MailKit alone, pre-built messages, same server and connections ({baselineCount:N0}) | | {baseline:F0}/s: the run reaches {rate / baseline * 100:F0} % of it |");
        BenchmarkReport.Write(output, "notices", report.ToString());
        Log($"recorded in {output}");
        return received == count && sentRows == count && result.LeftPending == 0 ? 0 : 1;
    }

    private static async Task<double> BaselineAsync(int port, int connections, MailboxAddress from, NoticeFacts facts, int count)
    {
        var reference = VerificationReference.Generate(System.Security.Cryptography.RandomNumberGenerator.Fill);
        var target = new NotificationTarget("p-0", "Prénom NOM", "personne@exemple.fr", null, null, DisclosedData.Identity);
        var messages = Enumerable.Range(0, count).Select(i => EmailNotice.Build(facts, from, target with { Email = $"b.{i}@exemple.fr" }, $"b.{i}@exemple.fr", reference,
            NoticeKeys.NewMessageId("gradeshdf.example"), DateTimeOffset.UnixEpoch)).ToList();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var client = new SmtpClient();
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", port);
            await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await client.SendAsync(messages[i]);
            }

            await client.DisconnectAsync(true);
        }));
        var rate = count / watch.Elapsed.TotalSeconds;
        messages.ForEach(m => m.Dispose());
        return rate;
    }

    private static long MessageBytes(MailboxAddress from, NoticeFacts facts)
    {
        using var message = EmailNotice.Build(facts, from, new NotificationTarget("p-0", "Prénom NOM", "personne@exemple.fr", null, null, DisclosedData.Identity | DisclosedData.Email),
            "personne@exemple.fr", VerificationReference.Generate(System.Security.Cryptography.RandomNumberGenerator.Fill), "x@gradeshdf.example", DateTimeOffset.UnixEpoch);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.Length;
    }

    private static string AiosmtpdVersion()
    {
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import aiosmtpd; print(aiosmtpd.__version__)\"") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var version = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return version;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], Inv) : fallback;
    }

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void Log(string line) => Console.Error.WriteLine(line);

    // Progress<T> posts to the thread pool and may report out of order; the scenario wants each report as it comes.
    private sealed class SyncProgress(Action<NotificationProgress> report) : IProgress<NotificationProgress>
    {
        public void Report(NotificationProgress value) => report(value);
    }
}
