using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Notices;

/// <summary>`vigie notify` as a real process against a real SMTP server on loopback, killed mid-run and resumed.</summary>
public sealed class NotifyCliTests
{
    private static async Task<(string Targets, string Notice)> InputsAsync(TestDatabase database, int count)
    {
        var targets = Path.Combine(database.DataDirectory, "targets.jsonl");
        var notice = Path.Combine(database.DataDirectory, "notice.json");
        await NoticeFixtures.WriteTargetsAsync(targets, NoticeFixtures.Targets(count));
        await NoticeFixtures.WriteFactsAsync(notice);
        return (targets, notice);
    }

    private static string[] Args(TestDatabase database, SmtpSink sink, string targets, string notice) =>
        ["notify", "--data", database.DataDirectory, "--incident", "inc-cli", "--targets", targets, "--notice", notice,
         "--smtp-host", "127.0.0.1", "--smtp-port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--smtp-security", "none",
         "--smtp-from", "GRADeS HDF <ne-pas-repondre@gradeshdf.example>", "--smtp-connections", "2"];

    [Fact]
    public async Task Notify_KilledMidRun_ThenRunAgain_DeliversToEveryTargetOneDistinctMessage()
    {
        const int Count = 1500;
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var (targets, notice) = await InputsAsync(database, Count);

        // Kill -9 the sender once the relay has accepted 400 messages: whatever it was doing, it does not finish.
        using var process = Start(Args(database, sink, targets, notice));
        var killed = new TaskCompletionSource();
        sink.OnAccepted = n =>
        {
            if (n == 400)
            {
                process.Kill(entireProcessTree: true);
                killed.TrySetResult();
            }
        };
        await killed.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync();
        sink.OnAccepted = null;
        int unconfirmed;
        await using (var db = database.NewContext())
        {
            unconfirmed = await db.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sending);
            Assert.True(await db.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sent) < Count);
        }

        var afterKill = sink.Messages.Count;
        var rerun = await VigieProcess.RunAsync(Args(database, sink, targets, notice));
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);

        // Nobody skipped, and every person's copies are one and the same message (same Message-ID, same bytes).
        var byRecipient = sink.Messages.GroupBy(m => m.Recipients[0]).ToList();
        Assert.Equal(Count, byRecipient.Count);
        Assert.All(byRecipient, g => Assert.Single(g.Select(m => Convert.ToBase64String(m.Raw)).Distinct()));

        // Extra copies exist only for messages the killed run had claimed without recording an outcome.
        var extra = sink.Messages.Count - Count;
        Assert.InRange(extra, 0, unconfirmed);
        await using var check = database.NewContext();
        Assert.Equal(Count, await check.Notifications.CountAsync(n => n.Status == (int)NotificationStatus.Sent));
        Assert.True(afterKill >= 400);
    }

    [Fact]
    public async Task Notify_WithAMalformedTarget_RefusesTheWholeFile()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var (targets, notice) = await InputsAsync(database, 5);
        await File.AppendAllTextAsync(targets, "{\"patientId\":\"bad id!\",\"displayName\":\"X\"}\n{\"patientId\":\"p-000001\",\"displayName\":\"Y\"}\n");
        var result = await VigieProcess.RunAsync(Args(database, sink, targets, notice));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 6: patientId", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 7: this patientId appears twice", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task NotifyStatus_CountsPerChannelAndStatus()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var sink = SmtpSink.Start();
        var (targets, notice) = await InputsAsync(database, 7);
        var sent = await VigieProcess.RunAsync([.. Args(database, sink, targets, notice), "--json"]);
        Assert.True(sent.ExitCode == 0, sent.Stderr);
        Assert.Equal(7, JsonDocument.Parse(sent.Stdout).RootElement.GetProperty("sent").GetInt32());

        var status = await VigieProcess.RunAsync("notify", "status", "--data", database.DataDirectory, "--incident", "inc-cli");
        var line = Assert.Single(JsonDocument.Parse(status.Stdout).RootElement.EnumerateArray());
        Assert.Equal(("email", "sent", 7), (line.GetProperty("channel").GetString(), line.GetProperty("status").GetString(), line.GetProperty("count").GetInt32()));
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Vigie.Cli.VigieCommandLine).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("VIGIE_POSTGRES");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
