using System.Diagnostics;

namespace Vigie.Storage.Registry;

/// <summary>
/// Where registration time goes, summed over chunks, per phase (block sizes, block members, candidate rows, local
/// records and INS, scoring, writing). The benchmark reads it to find the phase that grows with the register; the
/// server leaves it unset.
/// </summary>
public sealed class RegistrationPhases
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    /// <summary>Time per phase so far, in the order phases first ran.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Snapshot()
    {
        lock (_ticks)
        {
            return [.. _ticks.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value)))];
        }
    }

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts so far (candidate rows loaded...).</summary>
    public IReadOnlyDictionary<string, long> Counts
    {
        get
        {
            lock (_ticks)
            {
                return new Dictionary<string, long>(_counts, StringComparer.Ordinal);
            }
        }
    }

    // A pipelined registration plans one chunk while the previous one writes: phases are added from two threads.
    internal void Count(string what, long count)
    {
        lock (_ticks)
        {
            _counts[what] = _counts.GetValueOrDefault(what) + count;
        }
    }

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and returns now, for the next phase.</summary>
    internal long Add(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_ticks)
        {
            _ticks[phase] = _ticks.GetValueOrDefault(phase) + (now - since);
        }

        return now;
    }
}
