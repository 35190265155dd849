using Vigie.Core.Notices;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// Sends the SMS notices of one pass, batch by batch: claim (committed), hand each message to the provider with the
/// notification's idempotency key, record the receipts. A message resent after a crash carries the same key, so the
/// provider answers with its first receipt and the person gets one SMS.
/// </summary>
internal sealed class SmsPhase(NotificationRunContext run, ISmsSender sender, Action<string> abort)
{
    public async Task<int> RunAsync(NotificationStatus from)
    {
        await using var db = run.NewContext();
        var after = 0L;
        var total = 0;
        while (!run.Stop.IsCancellationRequested)
        {
            var batch = await NotificationStore.ClaimAsync(db, run.Options.IncidentId, NoticeChannel.Sms, from, after, run.Options.ClaimBatch, run.Clock.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            total += batch.Count;
            after = batch[^1].Id;
            var accepted = new List<Delivery>();
            var giveBack = new List<long>();
            foreach (var claimed in batch)
            {
                var target = run.TargetOf(claimed);
                if (target is null || run.Stop.IsCancellationRequested)
                {
                    giveBack.Add(claimed.Id);
                    continue;
                }

                var (number, mask) = NotificationRunContext.DestinationFor(NoticeChannel.Sms, target);
                if (number is null)
                {
                    await FailAsync(db, claimed, "the planned mobile number is no longer in the targets").ConfigureAwait(false);
                    continue;
                }

                var text = SmsNotice.Compose(run.Options.Facts, target, run.ReferenceOf(claimed));
                try
                {
                    var id = await sender.SendAsync(new SmsMessage(number, text, claimed.MessageId), CancellationToken.None).ConfigureAwait(false);
                    run.Options.AfterSendBeforeConfirm?.Invoke(claimed.Id);
                    accepted.Add(new Delivery(claimed.Id, id, mask));
                }
                catch (SmsRejectedException e)
                {
                    await FailAsync(db, claimed, "refused by the SMS provider: " + e.Message).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException)
                {
                    await NotificationStore.RetryLaterAsync(db, claimed, "SMS provider unavailable: " + e.GetType().Name, run.Options.MaxAttempts, run.Clock.GetUtcNow(), CancellationToken.None)
                        .ConfigureAwait(false);
                    run.CountRetrying();
                    abort("the SMS provider is unavailable: " + e.GetType().Name);
                }
            }

            await NotificationStore.ConfirmAsync(db, accepted, run.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            run.CountSent(accepted.Count);
            await NotificationStore.ReleaseAsync(db, giveBack, CancellationToken.None).ConfigureAwait(false);
        }

        return total;
    }

    private async Task FailAsync(Storage.VigieDbContext db, ClaimedNotification claimed, string error)
    {
        await NotificationStore.FailAsync(db, claimed.Id, error, run.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        run.CountFailed();
        LogMessages.NotificationFailed(run.Logger, claimed.Id, "SMS not sent");
    }
}
