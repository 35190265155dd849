namespace Vigie.Core.Detection;

/// <summary>
/// Exact counts of distinct patients over four nested sliding windows (1 min, 15 min, 1 h, 24 h), and of those
/// among them without a care link. One time-ordered log of accesses and, per patient, the sequence number of their
/// latest access: a patient is in a window while their latest access is, so each window keeps a start pointer into
/// the log and a count that changes only when a latest access enters or leaves it. O(1) amortised per access, no
/// allocation once the log has grown to the busiest day's size.
/// </summary>
internal sealed class SlidingDistinct
{
    public const int WindowCount = 4;

    public static readonly long[] WindowTicks =
        [TimeSpan.TicksPerMinute, 15 * TimeSpan.TicksPerMinute, TimeSpan.TicksPerHour, TimeSpan.TicksPerDay];

    private readonly Dictionary<ulong, long> _latest = [];
    private readonly long[] _start = new long[WindowCount];
    private readonly int[] _distinct = new int[WindowCount];
    private readonly int[] _unlinked = new int[WindowCount];
    private Entry[] _log = new Entry[16];
    private long _next;

    /// <summary>Distinct patients whose latest access lies in window <paramref name="window"/>.</summary>
    public int Distinct(int window) => _distinct[window];

    /// <summary>Among them, those without a care link.</summary>
    public int Unlinked(int window) => _unlinked[window];

    /// <summary>True when nothing is left in the largest window.</summary>
    public bool IsEmpty => _latest.Count == 0;

    /// <summary>Drops accesses that left each window by <paramref name="now"/> (ticks, never decreasing).</summary>
    public void Advance(long now)
    {
        for (var w = 0; w < WindowCount; w++)
        {
            var limit = now - WindowTicks[w];
            ref var start = ref _start[w];
            while (start < _next)
            {
                ref var entry = ref _log[start & (_log.Length - 1)];
                if (entry.Ticks > limit)
                {
                    break;
                }

                if (_latest.TryGetValue(entry.Patient, out var latest) && latest == start)
                {
                    _distinct[w]--;
                    if (entry.Unlinked)
                    {
                        _unlinked[w]--;
                    }

                    if (w == WindowCount - 1)
                    {
                        _latest.Remove(entry.Patient);
                    }
                }

                start++;
            }
        }
    }

    /// <summary>Bit w set when <paramref name="patient"/> is not counted in window w (an access now would add one).</summary>
    public int NewIn(ulong patient)
    {
        if (!_latest.TryGetValue(patient, out var latest))
        {
            return (1 << WindowCount) - 1;
        }

        var mask = 0;
        for (var w = 0; w < WindowCount; w++)
        {
            if (latest < _start[w])
            {
                mask |= 1 << w;
            }
        }

        return mask;
    }

    /// <summary>Records an access at <paramref name="ticks"/> (not before the last <see cref="Advance"/>).</summary>
    public void Add(ulong patient, bool unlinked, long ticks)
    {
        if (_next - _start[WindowCount - 1] == _log.Length)
        {
            Grow();
        }

        var seq = _next++;
        var had = _latest.TryGetValue(patient, out var previous);
        var previousUnlinked = had && _log[previous & (_log.Length - 1)].Unlinked;
        _log[seq & (_log.Length - 1)] = new Entry(ticks, patient, unlinked);
        _latest[patient] = seq;
        for (var w = 0; w < WindowCount; w++)
        {
            if (!had || previous < _start[w])
            {
                _distinct[w]++;
                _unlinked[w] += unlinked ? 1 : 0;
            }
            else if (previousUnlinked != unlinked)
            {
                // Same patient, judged against another establishment this time: the window keeps their latest link.
                _unlinked[w] += unlinked ? 1 : -1;
            }
        }
    }

    private void Grow()
    {
        var bigger = new Entry[_log.Length * 2];
        for (var seq = _start[WindowCount - 1]; seq < _next; seq++)
        {
            bigger[seq & (bigger.Length - 1)] = _log[seq & (_log.Length - 1)];
        }

        _log = bigger;
    }

    private readonly record struct Entry(long Ticks, ulong Patient, bool Unlinked);
}
