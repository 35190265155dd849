namespace Vigie.Core.Matching;

/// <summary>
/// Finds probable duplicates in a whole register: blocks the records with <see cref="BlockingKeys"/>, scores
/// every pair that shares a block, and keeps the pairs graded possible or better.
/// </summary>
/// <remarks>
/// Blocking uses flat sorted arrays rather than a dictionary of lists. A pair found in several blocks is
/// scored only in the block of the smallest key the two records share. Blocks are handed out to workers in
/// chunks; the result does not depend on the degree of parallelism. Blocks above the size cap are skipped
/// and counted in the result (see <see cref="BlockingKeys"/>).
/// </remarks>
public static class DuplicateScanner
{
    private const int BlocksPerChunk = 256;

    /// <summary>Scans <paramref name="records"/> for duplicates.</summary>
    /// <param name="records">The register, as match records; pairs refer to positions in this list.</param>
    /// <param name="model">The estimated model; its prior is rescaled to the size of this register (<see cref="MatchModel.ForRegisterSize"/>).</param>
    /// <param name="thresholds">Grading thresholds; pairs below <see cref="MatchThresholds.Possible"/> are dropped.</param>
    /// <param name="maxDegreeOfParallelism">Worker count; -1 for as many as the scheduler allows.</param>
    /// <param name="progress">Receives the percentage of candidate pairs done, 0 to 100, increasing.</param>
    /// <param name="cancellationToken">Stops the scan (throws <see cref="OperationCanceledException"/>).</param>
    /// <param name="maxBlockSize">Blocks with more records than this are skipped and counted.</param>
    public static DuplicateScanResult Scan(
        IReadOnlyList<MatchRecord> records,
        MatchModel model,
        MatchThresholds thresholds,
        int maxDegreeOfParallelism,
        IProgress<int>? progress,
        CancellationToken cancellationToken,
        int maxBlockSize = BlockingKeys.DefaultMaxBlockSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(model);
        thresholds.Validated();
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "use a positive worker count or -1");
        }

        // An array: the scan reads records millions of times, and an interface call each time shows.
        var array = records as MatchRecord[] ?? [.. records];
        if (array.Length >= 2)
        {
            model = model.ForRegisterSize(array.Length);
        }

        var index = BlockIndex.Build(array, maxBlockSize, maxDegreeOfParallelism, cancellationToken);
        var reporter = new ProgressReporter(progress, index.BlockPairs);
        reporter.Advance(0);
        var blockCount = index.BlockStarts.Length;
        var chunks = (blockCount + BlocksPerChunk - 1) / BlocksPerChunk;
        var nextChunk = -1;
        var found = new List<List<ScoredPair>>();
        var compared = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var workers = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        Parallel.For(0, workers, options, _ =>
        {
            var local = new List<ScoredPair>();
            var localCompared = 0L;
            int chunk;
            while ((chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var last = Math.Min(blockCount, (chunk + 1) * BlocksPerChunk);
                var chunkPairs = 0L;
                for (var block = chunk * BlocksPerChunk; block < last; block++)
                {
                    var length = index.BlockLengths[block];
                    chunkPairs += (long)length * (length - 1) / 2;
                    localCompared += ScanBlock(array, model, thresholds, index, index.BlockStarts[block], length, local);
                }

                reporter.Advance(chunkPairs);
            }

            lock (found)
            {
                found.Add(local);
                compared += localCompared;
            }
        });

        var pairs = new List<ScoredPair>(found.Sum(l => l.Count));
        foreach (var list in found)
        {
            pairs.AddRange(list);
        }

        pairs.Sort(static (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        reporter.Complete();
        return new DuplicateScanResult(pairs, blockCount, compared, index.SkippedBlocks, index.SkippedPairs, index.LargestSkippedBlock);
    }

    private static long ScanBlock(
        MatchRecord[] records,
        MatchModel model,
        MatchThresholds thresholds,
        BlockIndex index,
        int start,
        int length,
        List<ScoredPair> found)
    {
        var key = index.EntryKeys[start];
        var members = index.EntryRecords.AsSpan(start, length);
        var compared = 0L;
        for (var x = 0; x < members.Length; x++)
        {
            var a = members[x];
            var recordA = records[a];
            for (var y = x + 1; y < members.Length; y++)
            {
                var b = members[y];
                if (!index.IsFirstSharedKey(a, b, key))
                {
                    continue;
                }

                compared++;
                var score = MatchScorer.Score(model, recordA, records[b], thresholds);
                if (score.Grade >= MatchGrade.Possible)
                {
                    found.Add(new ScoredPair(a, b, score));
                }
            }
        }

        return compared;
    }

    // Reports whole percentages, increasing, from whichever worker crosses the next one.
    private sealed class ProgressReporter(IProgress<int>? progress, long total)
    {
        private readonly Lock _gate = new();
        private long _done;
        private int _reported = -1;

        public void Advance(long pairs)
        {
            if (progress is null)
            {
                return;
            }

            var done = Interlocked.Add(ref _done, pairs);
            var percent = total == 0 ? 100 : (int)(done * 100 / total);
            Report(percent);
        }

        public void Complete() => Report(100);

        private void Report(int percent)
        {
            if (progress is null)
            {
                return;
            }

            lock (_gate)
            {
                if (percent > _reported)
                {
                    _reported = percent;
                    progress.Report(percent);
                }
            }
        }
    }
}
