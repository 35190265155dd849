using Vigie.Storage.Journal;

namespace Vigie.Journal;

/// <summary>
/// The journal sequences this process appended, so that the cross-node pull can tell its own requests (already
/// judged and learnt here) from other nodes' ones. An append is registered as in flight before it is handed to the
/// writer and its range recorded before it leaves that state, so a reader that waits for the appends in flight when
/// it started reading can classify every entry it read (decision 0010).
/// </summary>
internal sealed class OwnJournalAppends
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly SortedList<long, int> _ranges = [];

    /// <summary>Runs an append, recording the sequences it got. Completes with the append, whoever waits for it.</summary>
    public async Task<JournalReceipt> AppendAsync(Func<Task<JournalReceipt>> append)
    {
        ArgumentNullException.ThrowIfNull(append);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _inFlight.Add(done.Task);
        }

        try
        {
            var receipt = await append().ConfigureAwait(false);
            if (receipt.Count > 0)
            {
                lock (_gate)
                {
                    _ranges[receipt.FirstSequence] = receipt.Count;
                }
            }

            return receipt;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(done.Task);
            }

            done.SetResult();
        }
    }

    /// <summary>Completes when every append in flight now has ended (its range recorded, or failed).</summary>
    public Task InFlight()
    {
        lock (_gate)
        {
            return Task.WhenAll([.. _inFlight]);
        }
    }

    /// <summary>True when this process appended the entry at <paramref name="sequence"/>.</summary>
    public bool IsOwn(long sequence)
    {
        lock (_gate)
        {
            // Ranges are few once forgotten up to the reader's cursor; a binary search for the last start ≤ sequence.
            var keys = _ranges.Keys;
            int lo = 0, hi = keys.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (keys[mid] <= sequence)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found >= 0 && sequence < keys[found] + _ranges.Values[found];
        }
    }

    /// <summary>Drops the ranges that end at or before <paramref name="sequence"/> (the reader has passed them).</summary>
    public void Forget(long sequence)
    {
        lock (_gate)
        {
            while (_ranges.Count > 0 && _ranges.Keys[0] + _ranges.Values[0] - 1 <= sequence)
            {
                _ranges.RemoveAt(0);
            }
        }
    }
}
