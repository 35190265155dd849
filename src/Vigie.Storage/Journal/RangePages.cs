using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Vigie.Storage.Journal;

/// <summary>
/// Reads verification pages on two connections that share one snapshot (decision 0021), so that the database's
/// work and the client's reading of rows each run on two cores. Page k holds the sequences in
/// (start + k·P, start + (k+1)·P]: even pages are read on the verification's connection, odd ones on the second,
/// and they are handed on in order. A journal's sequences are dense, so every page but the last is full; the first
/// short page ends the ranges (the last page, or a gap the verifier will report), and the caller reads whatever
/// follows the last range by cursor, as before. Nothing is skipped: the ranges tile the sequences from start.
/// </summary>
internal static class RangePages
{
    /// <summary>Ranges are only used from a start below this, so start + (k+1)·P cannot overflow.</summary>
    public const long Limit = long.MaxValue / 2;

    private const int PageSize = PageSource.PageSize;

    /// <summary>Reads ranges after <paramref name="start"/> into <paramref name="pages"/>; returns where the caller's cursor resumes (start when the provider cannot share its snapshot).</summary>
    public static async Task<long> ReadAsync(PageSource first, long start, ChannelWriter<EntryPage> pages, CancellationToken ct)
    {
        SnapshotConnection? shared;
        if (first.Gate is not null)
        {
            await first.Gate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            shared = await first.Reader.ShareSnapshotAsync(first.Connection, first.Transaction, ct).ConfigureAwait(false);
        }
        finally
        {
            first.Gate?.Release();
        }

        if (shared is null)
        {
            return start;
        }

        await using (shared.ConfigureAwait(false))
        {
            var lanes = new[] { Lane(), Lane() };
            var sources = new[] { first, first.On(shared) };
            var last = new StrongBox<long>(long.MaxValue);

            // Stopping the lanes cancels only their hand-over, never a read in progress: a query cancelled on the
            // verification's connection would abort its transaction, which the caller still reads in.
            using var handOver = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var readers = Enumerable.Range(0, 2)
                .Select(lane => Task.Run(() => ReadLaneAsync(sources[lane], start, lane, last, lanes[lane].Writer, handOver.Token, ct), CancellationToken.None))
                .ToArray();
            try
            {
                for (long k = 0; ; k++)
                {
                    var page = await lanes[k % 2].Reader.ReadAsync(ct).ConfigureAwait(false);
                    var count = page.Count;
                    if (count > 0)
                    {
                        await pages.WriteAsync(page, ct).ConfigureAwait(false);
                    }

                    if (count < PageSize)
                    {
                        return start + ((k + 1) * PageSize);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref last.Value, long.MinValue);
                await handOver.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(readers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static Channel<EntryPage> Lane() => Channel.CreateBounded<EntryPage>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

    // Reads pages lane, lane + 2, ... until one is short or the ranges are stopped.
    private static async Task ReadLaneAsync(
        PageSource source, long start, int lane, StrongBox<long> last, ChannelWriter<EntryPage> writer, CancellationToken handOver, CancellationToken ct)
    {
        try
        {
            for (long k = lane; k <= Volatile.Read(ref last.Value); k += 2)
            {
                var page = await source.ReadAsync(start + (k * PageSize), start + ((k + 1) * PageSize), ct).ConfigureAwait(false);
                await writer.WriteAsync(page, handOver).ConfigureAwait(false);
                if (page.Count < PageSize)
                {
                    break;
                }
            }

            writer.TryComplete();
        }
#pragma warning disable CA1031 // Handed to the side that reads the lanes, which rethrows it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            writer.TryComplete(exception);
        }
    }
}
