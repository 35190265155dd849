namespace Vigie.Core.Detection;

/// <summary>An account's learnt habits: volumes, rates, hours, networks and browsers, from clean days only.</summary>
internal sealed class AccountProfile
{
    public readonly PeakBaseline Peaks = new();
    public readonly RateCounts[] Rates = new RateCounts[SignalKind.Count];
    public readonly RateSpread[] Spreads = new RateSpread[SignalKind.Count];
    public readonly HourProfile Hours = new();
    public readonly HashSet<ulong> Subnets = [];
    public readonly HashSet<ulong> Blocks = [];
    public readonly HashSet<ulong> UserAgents = [];

    // Networks and browsers seen on one clean day, with that day: a second clean day makes them known. One day is not
    // enough, or an intrusion that went unnoticed for a day would teach the engine the intruder's network.
    private readonly Dictionary<ulong, int> _candidates = [];

    /// <summary>Clean active days learnt: new-network and new-browser evidence grows with it (a new account knows nothing yet).</summary>
    public int CleanDays;

    /// <summary>Known at once: vouched for by a passed step-up or a security officer's release.</summary>
    public void LearnContext(ulong subnet, ulong block, ulong userAgent)
    {
        if (subnet != 0)
        {
            Subnets.Add(subnet);
            Blocks.Add(block);
        }

        if (userAgent != 0)
        {
            UserAgents.Add(userAgent);
        }
    }

    /// <summary>Seen on a clean day: known once seen on two different clean days (the first ones on the account's first day).</summary>
    public void SeenOnCleanDay(ulong subnet, ulong block, ulong userAgent, int day)
    {
        var first = CleanDays == 0;
        if (subnet != 0 && !Subnets.Contains(subnet) && (first || Twice(subnet, day)))
        {
            Subnets.Add(subnet);
            Blocks.Add(block);
        }

        if (userAgent != 0 && !UserAgents.Contains(userAgent) && (first || Twice(userAgent, day)))
        {
            UserAgents.Add(userAgent);
        }
    }

    private bool Twice(ulong key, int day)
    {
        if (_candidates.TryGetValue(key, out var seen) && seen != day)
        {
            _candidates.Remove(key);
            return true;
        }

        _candidates[key] = day;
        return false;
    }
}
