using BenchmarkDotNet.Attributes;
using Vigie.Core;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Registry;

namespace Vigie.Benchmarks.Micro;

/// <summary>The per-pair and per-record hot paths of matching; ratios against the cheapest step (Jaro–Winkler).</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private readonly IdentityTraits _a = new("DUPONT", "JEAN", "JEAN PIERRE", new DateOnly(1980, 5, 17), Sex.Male, "59350", null, ["0612345678"], ["jean.dupont@example.fr"], null);
    private readonly IdentityTraits _b = new("DUPOND", "JEAN", "JEAN", new DateOnly(1980, 5, 17), Sex.Male, null, null, [], [], null);
    private MatchRecord _ra = null!;
    private MatchRecord _rb = null!;
    private MatchModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ra = MatchRecord.From(_a);
        _rb = MatchRecord.From(_b);
        _model = ModelEstimation.EstimateOnSyntheticPopulation(20250901).Model;
    }

    [Benchmark(Baseline = true)]
    public double JaroWinklerOnNames() => JaroWinkler.Similarity("DUPONT", "DUPOND");

    [Benchmark]
    public MatchScore ScorePair() => MatchScorer.Score(_model, _ra, _rb, MatchThresholds.Default);

    [Benchmark]
    public MatchRecord BuildMatchRecord() => MatchRecord.From(_a);

    [Benchmark]
    public long[] BlockingKeysOfRecord() => BlockingKeys.For(_ra);

    [Benchmark]
    public ParseResult<string> NormaliseAccentedName() => NameNormalizer.Normalize("Lefèvre-Dupré d’Artagnan");
}
