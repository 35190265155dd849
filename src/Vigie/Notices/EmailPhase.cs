using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using Vigie.Core.Notices;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// Sends the emailed notices of one pass: a producer claims notifications in batches (each claim committed before
/// any of its messages is sent), a pool of SMTP connections sends them, and a recorder writes each outcome as soon
/// as it comes (acceptances grouped in small transactions). A message being sent is never interrupted: stopping
/// ends claims, lets the messages in hand finish, and gives the claimed but unsent ones back.
/// </summary>
internal sealed class EmailPhase(NotificationRunContext run, SmtpOptions smtp, Action<string> abort)
{
    private abstract record Outcome(ClaimedNotification Claimed);

    private sealed record Accepted(ClaimedNotification Claimed, string Reply, string? Mask) : Outcome(Claimed);

    private sealed record Refused(ClaimedNotification Claimed, string Error) : Outcome(Claimed);

    private sealed record TryLater(ClaimedNotification Claimed, string Error) : Outcome(Claimed);

    private sealed record GiveBack(ClaimedNotification Claimed) : Outcome(Claimed);

    /// <summary>Sends every email notification in <paramref name="from"/> status; returns how many were claimed.</summary>
    public async Task<int> RunAsync(NotificationStatus from)
    {
        var work = Channel.CreateBounded<ClaimedNotification>(new BoundedChannelOptions(run.Options.ClaimBatch * 2) { SingleWriter = true });
        var outcomes = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
        var recorder = RecordAsync(outcomes.Reader);
        var claimed = 0;
        var senders = Enumerable.Range(0, Math.Max(1, smtp.Connections)).Select(_ => SendAsync(work.Reader, outcomes.Writer)).ToList();
        try
        {
            claimed = await ProduceAsync(from, work.Writer, outcomes.Writer).ConfigureAwait(false);
        }
        finally
        {
            work.Writer.TryComplete();
            await Task.WhenAll(senders).ConfigureAwait(false);
            outcomes.Writer.TryComplete();
            await recorder.ConfigureAwait(false);
        }

        return claimed;
    }

    private async Task<int> ProduceAsync(NotificationStatus from, ChannelWriter<ClaimedNotification> work, ChannelWriter<Outcome> outcomes)
    {
        await using var db = run.NewContext();
        var after = 0L;
        var total = 0;
        while (!run.Stop.IsCancellationRequested)
        {
            var batch = await NotificationStore.ClaimAsync(db, run.Options.IncidentId, NoticeChannel.Email, from, after, run.Options.ClaimBatch, run.Clock.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            total += batch.Count;
            after = batch[^1].Id;
            foreach (var claimed in batch)
            {
                if (run.TargetOf(claimed) is null)
                {
                    await outcomes.WriteAsync(new GiveBack(claimed), CancellationToken.None).ConfigureAwait(false);
                }
                else if (run.Stop.IsCancellationRequested)
                {
                    await outcomes.WriteAsync(new GiveBack(claimed), CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    // Never cancelled: a claimed notification always reaches a sender, which sends it or gives it back.
                    await work.WriteAsync(claimed, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        return total;
    }

    private async Task SendAsync(ChannelReader<ClaimedNotification> work, ChannelWriter<Outcome> outcomes)
    {
        using var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            await foreach (var claimed in work.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (run.Stop.IsCancellationRequested || !await EnsureConnectedAsync(client).ConfigureAwait(false))
                {
                    await outcomes.WriteAsync(new GiveBack(claimed), CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                Outcome outcome;
                try
                {
                    outcome = await SendOneAsync(client, claimed).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug or a broken key file: stop the run; the claim stays for the next run, which resends it.
                    abort("unexpected error while sending: " + e.GetType().Name);
                    continue;
                }

                await outcomes.WriteAsync(outcome, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
                {
                    // Closing a connection the server already dropped: nothing to do.
                }
            }
        }
    }

    private async Task<Outcome> SendOneAsync(SmtpClient client, ClaimedNotification claimed)
    {
        var target = run.TargetOf(claimed)!;
        var (address, mask) = NotificationRunContext.DestinationFor(NoticeChannel.Email, target);
        if (address is null)
        {
            return new Refused(claimed, "the planned email address is no longer in the targets");
        }

        using var message = EmailNotice.Build(run.Options.Facts, smtp.From, target, address, run.ReferenceOf(claimed), claimed.MessageId, claimed.PlannedAt);
        try
        {
            // Not cancellable: a message is either handed over whole or not started.
            var reply = await client.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
            run.Options.AfterSendBeforeConfirm?.Invoke(claimed.Id);
            return new Accepted(claimed, reply, mask);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            abort("the SMTP relay refuses the sender address: " + (int)e.StatusCode);
            return new GiveBack(claimed);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return new Refused(claimed, $"refused by the SMTP relay ({(int)e.StatusCode} {e.ErrorCode})");
        }
        catch (SmtpCommandException e)
        {
            return new TryLater(claimed, $"deferred by the SMTP relay ({(int)e.StatusCode})");
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
        {
            // The connection broke, maybe after the relay accepted the message: sent again later, same Message-ID.
            await DisconnectQuietlyAsync(client).ConfigureAwait(false);
            return new TryLater(claimed, "connection to the SMTP relay lost: " + e.GetType().Name);
        }
    }

    private async Task<bool> EnsureConnectedAsync(SmtpClient client)
    {
        if (client.IsConnected)
        {
            return true;
        }

        try
        {
            await smtp.ConnectAsync(client, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
                                       or MailKit.Security.SslHandshakeException or TimeoutException or OperationCanceledException)
        {
            abort("the SMTP relay cannot be reached: " + e.GetType().Name);
            return false;
        }
    }

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
        }
    }

    private async Task RecordAsync(ChannelReader<Outcome> outcomes)
    {
        await using var db = run.NewContext();
        var accepted = new List<Delivery>();
        var giveBack = new List<long>();
        while (await outcomes.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // Drain what is there, then write: acceptances grouped, each group committed at once.
            while (accepted.Count < 256 && outcomes.TryRead(out var outcome))
            {
                var now = run.Clock.GetUtcNow();
                switch (outcome)
                {
                    case Accepted a:
                        accepted.Add(new Delivery(a.Claimed.Id, a.Reply, a.Mask));
                        break;
                    case Refused r:
                        await NotificationStore.FailAsync(db, r.Claimed.Id, r.Error, now, CancellationToken.None).ConfigureAwait(false);
                        run.CountFailed();
                        LogMessages.NotificationFailed(run.Logger, r.Claimed.Id, "refused by the SMTP relay");
                        break;
                    case TryLater t:
                        await NotificationStore.RetryLaterAsync(db, t.Claimed, t.Error, run.Options.MaxAttempts, now, CancellationToken.None).ConfigureAwait(false);
                        if (t.Claimed.Attempts >= run.Options.MaxAttempts)
                        {
                            run.CountFailed();
                        }
                        else
                        {
                            run.CountRetrying();
                        }

                        break;
                    case GiveBack g:
                        giveBack.Add(g.Claimed.Id);
                        break;
                }
            }

            if (accepted.Count > 0)
            {
                await NotificationStore.ConfirmAsync(db, accepted, run.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                run.CountSent(accepted.Count);
                accepted.Clear();
            }

            if (giveBack.Count > 0)
            {
                await NotificationStore.ReleaseAsync(db, giveBack, CancellationToken.None).ConfigureAwait(false);
                giveBack.Clear();
            }
        }
    }
}
