namespace Vigie.Core.Detection;

/// <summary>The evidence about one request, component by component; scratch reused under the engine's lock.</summary>
internal sealed class Weighed
{
    // Below this a component is noise and is not named as a reason.
    private const double ReasonFloor = 0.5;

    public SessionSignals Signals;
    public double NewNetwork;
    public double NewUserAgent;
    public double Concurrent;
    public double NetworkChange;
    public double TokenAge;
    public double Tainted;
    public double Timing;
    public double Volume;
    public bool AccountVolume;
    public double Behaviour;
    public double Total;
    public double Threshold;
    public bool RateExceeded;
    public long RetryAfterTicks;
    public readonly int[] SessionCounts = new int[SlidingDistinct.WindowCount];
    public int AccountCount24Hours;

    public double Context => NewNetwork + NewUserAgent + Concurrent + NetworkChange + TokenAge + Tainted;

    /// <summary>
    /// Context that says something is going on in this very account beyond its professional's own situation (another
    /// session alongside, a token too old to be theirs): it backs behavioural evidence, where a new network, an odd
    /// hour or a network another account was attacked from do not.
    /// </summary>
    public double Corroborating => Concurrent + TokenAge;

    public void Reset()
    {
        Signals = default;
        NewNetwork = NewUserAgent = Concurrent = NetworkChange = TokenAge = Tainted = Timing = Volume = 0;
        AccountVolume = RateExceeded = false;
        Behaviour = Total = Threshold = 0;
        RetryAfterTicks = 0;
    }

    public RiskScores Scores() => new(
        Context,
        Timing,
        Signals.CareLink,
        Signals.ContactEvidence,
        Signals.Probing,
        Signals.Breadth,
        Signals.Sweep,
        Volume,
        Total,
        Threshold,
        SessionCounts[0],
        SessionCounts[1],
        SessionCounts[2],
        SessionCounts[3],
        AccountCount24Hours);

    /// <summary>The reason codes of the components that count, strongest first (ties in a fixed order).</summary>
    public List<string> Reasons()
    {
        Span<(double Value, int Order)> parts =
        [
            (Signals.CareLink, 0), (Volume, 1), (Signals.Sweep, 2), (Signals.Probing, 3), (Signals.Breadth, 4),
            (Signals.ContactEvidence, 5), (NewNetwork, 6), (Tainted, 7), (Concurrent, 8), (NetworkChange, 9),
            (TokenAge, 10), (NewUserAgent, 11), (Timing, 12),
        ];
        parts.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Order.CompareTo(b.Order));
        var reasons = new List<string>(6);
        foreach (var (value, order) in parts)
        {
            if (value >= ReasonFloor)
            {
                reasons.Add(Code(order));
            }
        }

        return reasons;
    }

    private string Code(int order) => order switch
    {
        0 => RiskReasons.CareLink,
        1 => AccountVolume ? RiskReasons.AccountVolume : RiskReasons.Volume,
        2 => RiskReasons.Sweep,
        3 => RiskReasons.Probing,
        4 => RiskReasons.Breadth,
        5 => RiskReasons.Contact,
        6 => RiskReasons.NewNetwork,
        7 => RiskReasons.TaintedNetwork,
        8 => RiskReasons.ConcurrentSessions,
        9 => RiskReasons.SessionNetworkChange,
        10 => RiskReasons.TokenAge,
        11 => RiskReasons.NewUserAgent,
        _ => RiskReasons.Timing,
    };
}
