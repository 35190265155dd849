namespace Vigie.Simulation.Identities;

/// <summary>
/// SplitMix64: a tiny, fast generator whose output is fixed by this code alone, so the same seed gives the same
/// region on every runtime and platform (System.Random's seeded algorithm is an implementation detail).
/// Re-seedable, so one instance per worker serves every person without allocating.
/// </summary>
internal sealed class SimRandom
{
    private ulong _state;

    public SimRandom(ulong seed) => _state = seed;

    public void Reset(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>); the multiply-shift bias is below 2^-32, irrelevant here.</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>The SplitMix64 finaliser: a good bijective scrambler, also used to derive per-person seeds.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A seed for one item of one stream: each person, block and establishment list gets its own independent
    /// sequence, which is what makes generation order-free (parallel) yet deterministic.
    /// </summary>
    public static ulong Derive(int seed, long item, RandomStream stream) =>
        Mix(Mix(((ulong)(uint)seed << 32) ^ (ulong)stream) ^ (ulong)item * 0xD1B54A32D192ED03UL);

    /// <summary>A uniform [0, 1) value for one item, without a generator: used for decisions other items must be able to look up.</summary>
    public static double Unit(int seed, long item, RandomStream stream) => (Derive(seed, item, stream) >> 11) * (1.0 / (1UL << 53));
}
