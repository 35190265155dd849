using System.Diagnostics;

namespace Vigie.Storage.Journal;

/// <summary>
/// Where the journal writer's time goes, summed over appends, per phase (encoding and leaf hashes, the lock, seals
/// and rows, tree nodes, the inserts, the state row, the commit). The journal-floor benchmark reads it to find the
/// phase above the disk's floor; the server leaves it unset, and then nothing is timed.
/// </summary>
public sealed class JournalPhases
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private long _appends;

    /// <summary>Appends timed so far.</summary>
    public long Appends
    {
        get
        {
            lock (_gate)
            {
                return _appends;
            }
        }
    }

    /// <summary>Time per phase so far, in the order phases first ran.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _ticks.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value)))];
        }
    }

    /// <summary>Forgets what was timed (after a warm-up).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _ticks.Clear();
            _appends = 0;
        }
    }

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/> and returns now, for the next phase.</summary>
    internal long Add(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _ticks[phase] = _ticks.GetValueOrDefault(phase) + (now - since);
        }

        return now;
    }

    internal void Appended()
    {
        lock (_gate)
        {
            _appends++;
        }
    }
}
