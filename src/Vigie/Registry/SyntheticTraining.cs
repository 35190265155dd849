using Vigie.Core.Matching;
using Vigie.Simulation.Identities;

namespace Vigie.Registry;

/// <summary>
/// A seeded synthetic population (French identities with typos, transposed dates, married names and missing
/// fields) for the bootstrap EM estimate: the model is still estimated from data, never set by hand.
/// </summary>
internal static class SyntheticTraining
{
    /// <summary>The generator's reference date is fixed so the bootstrap model is the same on every machine.</summary>
    private static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    public static IReadOnlyList<MatchRecord> Records(int seed, int persons)
    {
        var generator = new SyntheticIdentityGenerator(seed, ReferenceDate);
        return generator.GenerateBatch(persons).Select(r => MatchRecord.From(r.Traits)).ToList();
    }
}
