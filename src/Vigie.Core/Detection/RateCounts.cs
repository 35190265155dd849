namespace Vigie.Core.Detection;

/// <summary>Decayed counts of a yes/no observation (e.g. "patient without care link"), for a learnt rate.</summary>
internal struct RateCounts
{
    public double Hits;
    public double Trials;

    public void Add(double hits, double trials)
    {
        Hits += hits;
        Trials += trials;
    }

    public void Decay(double factor)
    {
        Hits *= factor;
        Trials *= factor;
    }

    /// <summary>Keeps the counts below <paramref name="cap"/> trials, so a peer group keeps adapting.</summary>
    public void Cap(double cap)
    {
        if (Trials > cap)
        {
            Decay(cap / Trials);
        }
    }

    /// <summary>The rate, with <paramref name="prior"/> counted as <paramref name="weight"/> trials.</summary>
    public readonly double Rate(double prior, double weight) => (Hits + (weight * prior)) / (Trials + weight);
}
