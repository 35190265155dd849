using System.Globalization;
using System.Text;
using Vigie.Core.Notices;
using Vigie.Storage.Notices;

namespace Vigie.Notices;

/// <summary>
/// Writes the letters of people with no email or mobile number: one printable HTML file per batch of claimed
/// notifications, named after the batch's first notification id, written to a temporary file and moved into place
/// before the batch is recorded as sent. A crash before the record leaves the batch claimed; the next run claims the
/// same notifications first, in the same order, and writes the same file again under the same name.
/// </summary>
internal sealed class LetterPhase(NotificationRunContext run, List<string> files)
{
    public async Task<int> RunAsync(NotificationStatus from)
    {
        await using var db = run.NewContext();
        var after = 0L;
        var total = 0;
        while (!run.Stop.IsCancellationRequested)
        {
            var batch = await NotificationStore.ClaimAsync(db, run.Options.IncidentId, NoticeChannel.Letter, from, after, run.Options.LettersPerFile, run.Clock.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            total += batch.Count;
            after = batch[^1].Id;
            var printable = new List<(ClaimedNotification Claimed, NotificationTarget Target)>();
            var giveBack = new List<long>();
            foreach (var claimed in batch)
            {
                var target = run.TargetOf(claimed);
                if (target is null)
                {
                    giveBack.Add(claimed.Id);
                }
                else if (NotificationRunContext.DestinationFor(NoticeChannel.Letter, target).Destination is null)
                {
                    await NotificationStore.FailAsync(db, claimed.Id, "the planned postal address is no longer in the targets", run.Clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    run.CountFailed();
                }
                else
                {
                    printable.Add((claimed, target));
                }
            }

            if (printable.Count > 0)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"lettres-{FileSafe(run.Options.IncidentId)}-{printable[0].Claimed.Id:D10}.html");
                await WriteAsync(Path.Combine(run.Options.LettersDirectory, name), printable).ConfigureAwait(false);
                files.Add(Path.Combine(run.Options.LettersDirectory, name));
                await NotificationStore.ConfirmAsync(db, [.. printable.Select((p, i) => new Delivery(p.Claimed.Id, $"{name}#{i + 1}", null))], run.Clock.GetUtcNow(), CancellationToken.None)
                    .ConfigureAwait(false);
                run.CountSent(printable.Count);
            }

            await NotificationStore.ReleaseAsync(db, giveBack, CancellationToken.None).ConfigureAwait(false);
        }

        return total;
    }

    private async Task WriteAsync(string path, List<(ClaimedNotification Claimed, NotificationTarget Target)> letters)
    {
        Directory.CreateDirectory(run.Options.LettersDirectory);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            var facts = run.Options.Facts;
            await writer.WriteAsync(LetterRendering.Header(facts, letters.Count)).ConfigureAwait(false);
            foreach (var (claimed, target) in letters)
            {
                var document = NoticeComposer.Compose(facts, target, run.ReferenceOf(claimed));
                await writer.WriteAsync(LetterRendering.Page(facts, target, document, NotificationRunContext.NoticeDate(claimed))).ConfigureAwait(false);
            }

            await writer.WriteAsync(LetterRendering.Footer()).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string FileSafe(string incidentId) => new([.. incidentId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
