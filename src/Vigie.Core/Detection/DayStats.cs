namespace Vigie.Core.Detection;

/// <summary>One account's current local day, folded into its baselines when the next day starts, if the day was clean.</summary>
internal sealed class DayStats
{
    public readonly RateCounts[] Rates = new RateCounts[SignalKind.Count];
    public readonly int[] Peaks = new int[SlidingDistinct.WindowCount];
    public readonly ulong[] ActiveHours = new ulong[3];
    public readonly List<(ulong Subnet, ulong Block, ulong UserAgent)> Contexts = [];

    /// <summary>Throttled or suspended today: not a day to learn from.</summary>
    public bool Hard;

    /// <summary>Sessions asked to step up today and not (yet) passed.</summary>
    public int PendingStepUps;

    public bool Active;

    public bool Clean => Active && !Hard && PendingStepUps == 0;

    public void Reset()
    {
        Array.Clear(Rates);
        Array.Clear(Peaks);
        Array.Clear(ActiveHours);
        Contexts.Clear();
        Hard = false;
        PendingStepUps = 0;
        Active = false;
    }

    public void NoteContext(ulong subnet, ulong block, ulong userAgent)
    {
        foreach (var c in Contexts)
        {
            if (c.Subnet == subnet && c.UserAgent == userAgent)
            {
                return;
            }
        }

        Contexts.Add((subnet, block, userAgent));
    }
}
