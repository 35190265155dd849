using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

/// <summary>
/// One default region of 60,000 records shared by the read-only tests: large enough for every corruption
/// and distribution to show, small enough to generate in well under a second.
/// </summary>
internal static class SampleRegion
{
    public const int Seed = 20261123;

    public const int RecordCount = 60_000;

    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Lazy<SyntheticIdentityGenerator> LazyGenerator = new(() => new(Seed, Today));

    private static readonly Lazy<GeneratedRecord[]> LazyRecords = new(() => Generator.GenerateBatch(RecordCount));

    public static SyntheticIdentityGenerator Generator => LazyGenerator.Value;

    public static GeneratedRecord[] Records => LazyRecords.Value;

    public static IEnumerable<GeneratedRecord> References => Records.Where(r => r.IsReference);

    public static IEnumerable<GeneratedRecord> Duplicates => Records.Where(r => !r.IsReference);
}
