using Vigie.Core.Matching;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Tests.Identities;

/// <summary>
/// Blocking is where recall collapses at scale: a key that is fine on 10,000 identities can pile a million into
/// oversized blocks that get skipped. This test runs the real blocking on 1,000,000 generated identities.
/// </summary>
public sealed class BlockingRecallAtRegionalScaleTests
{
    [Fact]
    public void Blocking_AtOneMillionIdentities_KeepsKnownDuplicatesTogether()
    {
        const int count = 1_000_000;
        var records = new SyntheticIdentityGenerator(2025, new DateOnly(2026, 1, 1)).GenerateBatch(count);
        var keys = new long[count][];
        Parallel.For(0, count, i => keys[i] = BlockingKeys.For(MatchRecord.From(records[i].Traits)));

        // Block sizes as the scanner sees them: a pair only counts as kept if some key they share is in a block
        // small enough to be scored.
        var blockSizes = new Dictionary<long, int>();
        foreach (var recordKeys in keys)
        {
            foreach (var key in recordKeys)
            {
                blockSizes[key] = blockSizes.GetValueOrDefault(key) + 1;
            }
        }

        long truePairs = 0;
        long kept = 0;
        foreach (var (first, second) in LinkageEvaluation.TruePairs(records))
        {
            truePairs++;
            if (ShareScoredBlock(keys[first], keys[second], blockSizes))
            {
                kept++;
            }
        }

        var recall = (double)kept / truePairs;
        Assert.True(truePairs > 100_000, $"only {truePairs} true pairs generated");
        Assert.True(recall >= 0.995, $"blocking keeps {recall:P3} of {truePairs} true pairs together");
    }

    private static bool ShareScoredBlock(long[] a, long[] b, Dictionary<long, int> blockSizes)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                if (blockSizes[a[i]] <= BlockingKeys.DefaultMaxBlockSize)
                {
                    return true;
                }

                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }
}
