namespace Vigie.Core.Detection;

/// <summary>How many of a session's observations of one kind were suspicious: k of n.</summary>
internal struct Counts
{
    public double Hits;
    public double Trials;

    public void Add(bool hit) => Add(hit ? 1 : 0);

    /// <summary>An observation that is only partly suspicious (an unlinked patient read with a declared purpose).</summary>
    public void Add(double hit) => Add(hit, 1);

    /// <summary>An observation worth <paramref name="weight"/> of one (a patient among many a request brought).</summary>
    public void Add(double hit, double weight)
    {
        Hits += hit * weight;
        Trials += weight;
    }
}
