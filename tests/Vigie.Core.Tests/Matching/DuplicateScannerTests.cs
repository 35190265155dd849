using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

public class DuplicateScannerTests
{
    private static readonly Lazy<(List<MatchRecord> Records, List<(int Original, int Copy)> Duplicates, MatchModel Model)> Data = new(() =>
    {
        var (records, duplicates) = MatchModelEstimatorTests.Register(new Random(21), 4_000, 400);
        var model = MatchModelEstimator.Estimate(MatchModelEstimator.SampleTrainingPairs(records, new Random(1), 40_000));
        return (records, duplicates, model);
    });

    [Fact]
    public void Scan_FindsPlantedDuplicates()
    {
        var (records, duplicates, model) = Data.Value;

        var result = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, CancellationToken.None);

        var found = result.Pairs.Select(p => (p.First, p.Second)).ToHashSet();
        var recall = duplicates.Count(found.Contains) / (double)duplicates.Count;
        Assert.True(recall >= 0.97, $"recall {recall:P1}");
        var planted = duplicates.ToHashSet();
        var falsePositives = result.Pairs.Count(p => !planted.Contains((p.First, p.Second)));
        Assert.True(falsePositives <= result.Pairs.Count / 50, $"{falsePositives} false positives of {result.Pairs.Count}");
        Assert.True(result.Pairs.Count(p => p.Score.Grade == MatchGrade.Certain && !planted.Contains((p.First, p.Second))) == 0, "no stranger is certain");
    }

    [Fact]
    public void Scan_ReportsEachPairOnceInOrder()
    {
        var (records, _, model) = Data.Value;

        var result = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, CancellationToken.None);

        Assert.All(result.Pairs, p => Assert.True(p.First < p.Second));
        Assert.Equal(result.Pairs.Count, result.Pairs.Select(p => (p.First, p.Second)).Distinct().Count());
        Assert.Equal(result.Pairs.OrderBy(p => p.First).ThenBy(p => p.Second), result.Pairs);
        Assert.All(result.Pairs, p => Assert.True(p.Score.Grade >= MatchGrade.Possible));
        Assert.True(result.ComparedPairs >= result.Pairs.Count);
    }

    [Fact]
    public void Scan_ScoresAPairSharingSeveralBlocksOnce()
    {
        // Same everything: the two records share every key, and still make one pair.
        var a = Person.Record(phones: ["0612345678"], emails: ["a@b.fr"]);
        var b = Person.Record(phones: ["0612345678"], emails: ["a@b.fr"]);
        var result = DuplicateScanner.Scan([a, b], MatchModelTests.Known, MatchThresholds.Default, 1, null, CancellationToken.None);
        Assert.Equal(1, result.ComparedPairs);
        Assert.Single(result.Pairs);
        Assert.True(result.Blocks > 5);
    }

    [Fact]
    public void Scan_DoesNotDependOnParallelism()
    {
        var (records, _, model) = Data.Value;
        var one = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 1, null, CancellationToken.None);
        var two = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, CancellationToken.None);
        Assert.Equal(one.Pairs, two.Pairs);
        Assert.Equal(one.ComparedPairs, two.ComparedPairs);
    }

    [Fact]
    public void Scan_ReportsIncreasingProgressUpTo100()
    {
        var (records, _, model) = Data.Value;
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);

        DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, progress, CancellationToken.None);

        Assert.Equal(100, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(reports.Distinct().Count(), reports.Count);
    }

    [Fact]
    public void Scan_StopsWhenCancelled()
    {
        var (records, _, model) = Data.Value;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, cancellation.Token));
    }

    [Fact]
    public void Scan_SkipsAndCountsBlocksOverTheCap()
    {
        var (records, duplicates, model) = Data.Value;
        var uncapped = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, CancellationToken.None);

        var capped = DuplicateScanner.Scan(records, model, MatchThresholds.Default, 2, null, CancellationToken.None, maxBlockSize: 3);

        Assert.Equal(0, uncapped.SkippedBlocks);
        Assert.True(capped.SkippedBlocks > 0);
        Assert.True(capped.LargestSkippedBlock > 3);
        Assert.True(capped.SkippedBlockPairs >= capped.SkippedBlocks * 6L);
        Assert.True(capped.Blocks < uncapped.Blocks);

        // A pair whose first shared block is skipped is still scored in its next shared block.
        var found = capped.Pairs.Select(p => (p.First, p.Second)).ToHashSet();
        var recall = duplicates.Count(found.Contains) / (double)duplicates.Count;
        Assert.True(recall >= 0.9, $"recall {recall:P1} with skipped blocks");
        Assert.Subset(uncapped.Pairs.ToHashSet(), capped.Pairs.ToHashSet());
    }

    [Fact]
    public void Scan_OfAnEmptyRegister_FindsNothing()
    {
        var result = DuplicateScanner.Scan([], MatchModelTests.Known, MatchThresholds.Default, 2, null, CancellationToken.None);
        Assert.Empty(result.Pairs);
        Assert.Equal(0, result.Blocks);
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
