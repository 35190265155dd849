namespace Vigie.Demo;

/// <summary>
/// The demo server's clock. While the scripted working day plays, the player moves it forward to each request's
/// simulated time, so the journal, detection windows and alerts see the day as it would have happened; between
/// two moves it stands still, so the same seed gives the same decisions however fast the machine is. It never goes
/// backwards. When the day is over it jumps to the real time and runs from there, so the dashboard afterwards works
/// on ordinary time.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private bool _running;

    public DemoClock(DateTimeOffset start)
    {
        _anchor = start;
        _anchorTimestamp = System.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _running ? _anchor + System.GetElapsedTime(_anchorTimestamp) : _anchor;
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/> when that is later than now.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        lock (_gate)
        {
            var now = _running ? _anchor + System.GetElapsedTime(_anchorTimestamp) : _anchor;
            if (time > now)
            {
                _anchor = time;
                _anchorTimestamp = System.GetTimestamp();
            }
        }
    }

    /// <summary>Ends the scripted day: from now on the clock is the real time (which is later than the simulated day).</summary>
    public void ResumeRealTime()
    {
        AdvanceTo(System.GetUtcNow());
        lock (_gate)
        {
            _running = true;
        }
    }
}
