namespace Vigie.Core.Matching;

/// <summary>The sampling behind <see cref="MatchModelEstimator.SampleTrainingPairs"/>.</summary>
internal static class TrainingSampler
{
    public static TrainingSample Sample(IReadOnlyList<MatchRecord> records, Random random, int maxPairs, double otherShare)
    {
        var n = records.Count;
        var allPairs = (double)n * (n - 1) / 2;
        var candidates = new Candidates();
        var others = new List<ComparisonVector>();
        if (n < 2 || maxPairs == 0)
        {
            return candidates.ToSample(others, 0, n);
        }

        var index = BlockIndex.Build(records, BlockingKeys.DefaultMaxBlockSize, Environment.ProcessorCount, CancellationToken.None);
        var candidateTarget = maxPairs - (int)(maxPairs * otherShare);
        if (allPairs <= maxPairs)
        {
            AddEveryPair(records, index, candidates, others);
            return candidates.ToSample(others, 1, n);
        }

        if (index.BlockPairs <= candidateTarget)
        {
            AddAllBlockPairs(records, index, candidates);
        }
        else
        {
            AddSampledBlockPairs(records, index, random, candidateTarget, candidates);
        }

        AddSampledOtherPairs(records, index, random, maxPairs - candidates.Pairs.Count, others);
        var otherPopulation = Math.Max(0, allPairs - candidates.Population);
        return candidates.ToSample(others, others.Count == 0 ? 0 : otherPopulation / others.Count, n);
    }

    private static void AddEveryPair(IReadOnlyList<MatchRecord> records, BlockIndex index, Candidates candidates, List<ComparisonVector> others)
    {
        for (var a = 0; a < records.Count; a++)
        {
            for (var b = a + 1; b < records.Count; b++)
            {
                var vector = RecordComparator.Compare(records[a], records[b]);
                var shared = index.SharedKeys(a, b);
                if (shared.Length == 0)
                {
                    others.Add(vector);
                    continue;
                }

                foreach (var key in shared)
                {
                    candidates.Add(vector, BlockingKeys.RuleOf(key), 1.0 / shared.Length);
                }
            }
        }
    }

    private static void AddAllBlockPairs(IReadOnlyList<MatchRecord> records, BlockIndex index, Candidates candidates)
    {
        for (var block = 0; block < index.BlockStarts.Length; block++)
        {
            var start = index.BlockStarts[block];
            var end = start + index.BlockLengths[block];
            var rule = BlockingKeys.RuleOf(index.EntryKeys[start]);
            for (var x = start; x < end; x++)
            {
                for (var y = x + 1; y < end; y++)
                {
                    var a = index.EntryRecords[x];
                    var b = index.EntryRecords[y];
                    candidates.Add(RecordComparator.Compare(records[a], records[b]), rule, 1.0 / index.SharedKeyCount(a, b));
                }
            }
        }
    }

    // A block with probability proportional to its pairs, then a pair in it: uniform over block pairs.
    private static void AddSampledBlockPairs(IReadOnlyList<MatchRecord> records, BlockIndex index, Random random, int target, Candidates candidates)
    {
        var blocks = index.BlockStarts.Length;
        var cumulative = new long[blocks];
        var total = 0L;
        for (var block = 0; block < blocks; block++)
        {
            var length = (long)index.BlockLengths[block];
            total += length * (length - 1) / 2;
            cumulative[block] = total;
        }

        var standsFor = (double)total / target;
        for (var i = 0; i < target; i++)
        {
            var block = Array.BinarySearch(cumulative, random.NextInt64(total));
            block = block < 0 ? ~block : block + 1;
            var start = index.BlockStarts[block];
            var length = index.BlockLengths[block];
            var x = random.Next(length);
            var y = random.Next(length - 1);
            if (y >= x)
            {
                y++;
            }

            var a = index.EntryRecords[start + Math.Min(x, y)];
            var b = index.EntryRecords[start + Math.Max(x, y)];
            candidates.Add(
                RecordComparator.Compare(records[a], records[b]),
                BlockingKeys.RuleOf(index.EntryKeys[start]),
                standsFor / index.SharedKeyCount(a, b));
        }
    }

    private static void AddSampledOtherPairs(IReadOnlyList<MatchRecord> records, BlockIndex index, Random random, int target, List<ComparisonVector> result)
    {
        var n = records.Count;
        var attempts = 0L;
        var maxAttempts = 50L * target;
        while (result.Count < target && attempts++ < maxAttempts)
        {
            var a = random.Next(n);
            var b = random.Next(n - 1);
            if (b >= a)
            {
                b++;
            }

            if (index.SharedKeyCount(a, b) == 0)
            {
                result.Add(RecordComparator.Compare(records[a], records[b]));
            }
        }
    }

    private sealed class Candidates
    {
        private readonly List<BlockingRule> _rules = [];
        private readonly List<double> _weights = [];

        public List<ComparisonVector> Pairs { get; } = [];

        /// <summary>The distinct register pairs the candidates stand for.</summary>
        public double Population { get; private set; }

        public void Add(ComparisonVector vector, BlockingRule rule, double weight)
        {
            Pairs.Add(vector);
            _rules.Add(rule);
            _weights.Add(weight);
            Population += weight;
        }

        public TrainingSample ToSample(List<ComparisonVector> others, double otherWeight, long records) =>
            new(Pairs, _rules, _weights, others, otherWeight, records);
    }
}
