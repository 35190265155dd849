using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;
using Vigie.Storage;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// One notification run for one incident: take the incident's run lock, plan every target not planned yet (one
/// random reference each), then send by channel (email, SMS, letters): first what a dead run left claimed, then the
/// pending ones, with further passes for transient refusals. Running it again with the same input is how a run is
/// resumed: what was sent is never sent again, and what was not is sent. See docs/decisions/0008-notices.md.
/// </summary>
internal static class NotificationRun
{
    public static async Task<NotificationRunResult> RunAsync(NotificationRunOptions options, IReadOnlyList<NotificationTarget> targets, NoticeKeys keys,
        Func<VigieDbContext> newContext, TimeProvider clock, ILogger logger, IProgress<NotificationProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(targets);
        if (!Cli.NotifyCommand.IsIncidentId(options.IncidentId))
        {
            throw new ArgumentException("an incident id has 1 to 64 of A-Z a-z 0-9 . _ : -", nameof(options));
        }

        await using var lease = await RunLease.AcquireAsync(newContext, options.IncidentId, options.StaleAfter, options.HeartbeatEvery, clock, ct).ConfigureAwait(false);
        if (lease is null)
        {
            return new NotificationRunResult(true, targets.Count, 0, 0, 0, 0, 0, 0, 0, [], "another run of this incident is in progress");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        string? stopped = null;
        void Abort(string reason)
        {
            Interlocked.CompareExchange(ref stopped, reason, null);
            stop.Cancel();
        }

        var byPatient = targets.ToDictionary(t => t.PatientId, StringComparer.Ordinal);
        var run = new NotificationRunContext(options, byPatient, keys, newContext, clock, logger, stop.Token);
        var started = Stopwatch.StartNew();
        var phase = "plan";
        var toSend = 0;
        using var reporting = new CancellationTokenSource();
        var reporter = ReportAsync(() => new NotificationProgress(phase, run.Sent, run.Failed, run.Retrying, toSend, started.Elapsed), progress, options.ProgressEvery, clock, reporting.Token);
        var letterFiles = new List<string>();
        int planned, unreachable, notInInput;
        try
        {
            (planned, unreachable) = await PlanAsync(run, targets, ct).ConfigureAwait(false);
            (toSend, notInInput) = await OutstandingAsync(run, byPatient).ConfigureAwait(false);
            LogMessages.NotificationRunStarted(logger, options.IncidentId, targets.Count, planned, toSend);
            foreach (var channel in new[] { NoticeChannel.Email, NoticeChannel.Sms, NoticeChannel.Letter })
            {
                phase = channel switch { NoticeChannel.Email => "email", NoticeChannel.Sms => "sms", _ => "letters" };
                if (!stop.IsCancellationRequested && await HasWorkAsync(run, channel).ConfigureAwait(false))
                {
                    var send = PhaseFor(run, channel, letterFiles, Abort);
                    if (send is null)
                    {
                        // The other channels still go out; these people stay pending for a run that has the channel.
                        Interlocked.CompareExchange(ref stopped, channel == NoticeChannel.Email ? "people are to be emailed but no SMTP relay is configured"
                            : "people are to get an SMS but no SMS provider is configured", null);
                        continue;
                    }

                    await SendChannelAsync(run, send, stop.Token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await reporting.CancelAsync().ConfigureAwait(false);
            await reporter.ConfigureAwait(false);
        }

        if (stopped is null && stop.IsCancellationRequested)
        {
            stopped = lease.Lost.IsCancellationRequested ? "the run lock was taken over" : "cancelled";
        }

        var left = await LeftPendingAsync(run).ConfigureAwait(false);
        progress?.Report(new NotificationProgress("done", run.Sent, run.Failed, run.Retrying, toSend, started.Elapsed));
        LogMessages.NotificationRunFinished(logger, options.IncidentId, run.Sent, run.Failed, run.Resumed, left);
        return new NotificationRunResult(false, targets.Count, planned, unreachable, run.Resumed, run.Sent, run.Failed, left, notInInput, letterFiles, stopped);
    }

    private static Func<NotificationStatus, Task<int>>? PhaseFor(NotificationRunContext run, NoticeChannel channel, List<string> letterFiles, Action<string> abort) => channel switch
    {
        NoticeChannel.Email when run.Options.Smtp is { } smtp => from => new EmailPhase(run, smtp, abort).RunAsync(from),
        NoticeChannel.Sms when run.Options.Sms is { } sms => from => new SmsPhase(run, sms, abort).RunAsync(from),
        NoticeChannel.Letter => from => new LetterPhase(run, letterFiles).RunAsync(from),
        _ => null,
    };

    // First what a dead run left claimed (its outcome unknown: sent again, same Message-ID and reference), then the
    // pending ones; then, after a pause, what met a transient refusal, until nothing is left or attempts run out.
    private static async Task SendChannelAsync(NotificationRunContext run, Func<NotificationStatus, Task<int>> send, CancellationToken stop)
    {
        var resumed = await send(NotificationStatus.Sending).ConfigureAwait(false);
        if (resumed > 0)
        {
            run.CountResumed(resumed);
            LogMessages.UnconfirmedResent(run.Logger, run.Options.IncidentId, resumed);
        }

        for (var pass = 0; pass <= run.Options.MaxAttempts && !stop.IsCancellationRequested; pass++)
        {
            var retryingBefore = run.Retrying;
            if (pass > 0)
            {
                try
                {
                    await Task.Delay(run.Options.RetryDelay * pass, run.Clock, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await send(NotificationStatus.Pending).ConfigureAwait(false);
            if (run.Retrying == retryingBefore)
            {
                break; // No transient refusal in this pass: nothing left to retry.
            }
        }
    }

    private static async Task<(int Planned, int Unreachable)> PlanAsync(NotificationRunContext run, IReadOnlyList<NotificationTarget> targets, CancellationToken ct)
    {
        await using var db = run.NewContext();
        var known = await NotificationStore.PlannedPatientsAsync(db, run.Options.IncidentId, ct).ConfigureAwait(false);
        var planned = new List<PlannedNotification>();
        var unreachable = 0;
        foreach (var target in targets.Where(t => !known.Contains(t.PatientId)))
        {
            var reference = VerificationReference.Generate(RandomNumberGenerator.Fill);
            var messageId = NoticeKeys.NewMessageId(run.Options.MessageIdDomain);
            var channel = ChannelChoice.For(target).Channel;
            if (channel == NoticeChannel.None)
            {
                unreachable++;
            }

            planned.Add(new PlannedNotification(target.PatientId, channel, run.Keys.LookupHash(reference), run.Keys.Seal(reference, messageId), messageId,
                channel == NoticeChannel.None ? "no usable contact: no email, mobile number or postal address" : null));
        }

        await NotificationStore.PlanAsync(db, run.Options.IncidentId, planned, run.Clock.GetUtcNow(), ct).ConfigureAwait(false);
        return (planned.Count, unreachable);
    }

    private static async Task<(int ToSend, int NotInInput)> OutstandingAsync(NotificationRunContext run, IReadOnlyDictionary<string, NotificationTarget> targets)
    {
        await using var db = run.NewContext();
        var open = await db.Notifications.AsNoTracking()
            .Where(n => n.IncidentId == run.Options.IncidentId && (n.Status == (int)NotificationStatus.Pending || n.Status == (int)NotificationStatus.Sending))
            .Select(n => n.PatientId).ToListAsync(run.Stop).ConfigureAwait(false);
        return (open.Count, open.Count(p => !targets.ContainsKey(p)));
    }

    private static async Task<bool> HasWorkAsync(NotificationRunContext run, NoticeChannel channel)
    {
        await using var db = run.NewContext();
        return await db.Notifications.AnyAsync(n => n.IncidentId == run.Options.IncidentId && n.Channel == (int)channel
            && (n.Status == (int)NotificationStatus.Pending || n.Status == (int)NotificationStatus.Sending), CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<int> LeftPendingAsync(NotificationRunContext run)
    {
        await using var db = run.NewContext();
        return await db.Notifications.CountAsync(n => n.IncidentId == run.Options.IncidentId
            && (n.Status == (int)NotificationStatus.Pending || n.Status == (int)NotificationStatus.Sending), CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task ReportAsync(Func<NotificationProgress> snapshot, IProgress<NotificationProgress>? progress, TimeSpan every, TimeProvider clock, CancellationToken ct)
    {
        if (progress is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                progress.Report(snapshot());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
