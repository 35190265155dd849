namespace Vigie.Core.Matching;

/// <summary>
/// Sorts (key, item) pairs by key then item: one radix pass on the top key bits spreads the pairs into
/// buckets, which are then sorted in parallel. The result does not depend on the degree of parallelism.
/// </summary>
internal static class ParallelSort
{
    private const int BucketBits = 10;
    private const int SmallInput = 1 << 16;

    public static void SortByKey(long[] keys, int[] items, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        if (keys.Length != items.Length)
        {
            throw new ArgumentException("keys and items differ in length", nameof(items));
        }

        if (keys.Length < SmallInput || maxDegreeOfParallelism == 1)
        {
            SortRange(keys, items, 0, keys.Length);
            return;
        }

        const int buckets = 1 << BucketBits;
        var starts = new int[buckets + 1];
        foreach (var key in keys)
        {
            starts[Bucket(key) + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        var sortedKeys = new long[keys.Length];
        var sortedItems = new int[items.Length];
        var next = (int[])starts.Clone();
        for (var i = 0; i < keys.Length; i++)
        {
            var at = next[Bucket(keys[i])]++;
            sortedKeys[at] = keys[i];
            sortedItems[at] = items[i];
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, buckets, options, b => SortRange(sortedKeys, sortedItems, starts[b], starts[b + 1] - starts[b]));
        Array.Copy(sortedKeys, keys, keys.Length);
        Array.Copy(sortedItems, items, items.Length);
    }

    // Signed order: flipping the sign bit makes the top bits of the unsigned value ascend with the key.
    private static int Bucket(long key) => (int)((ulong)(key ^ long.MinValue) >> (64 - BucketBits));

    private static void SortRange(long[] keys, int[] items, int start, int length)
    {
        Array.Sort(keys, items, start, length);

        // Array.Sort is not stable: order the items of equal keys so the result is the same on every run.
        var end = start + length;
        var run = start;
        while (run < end)
        {
            var runEnd = run + 1;
            while (runEnd < end && keys[runEnd] == keys[run])
            {
                runEnd++;
            }

            if (runEnd - run > 1)
            {
                Array.Sort(items, run, runEnd - run);
            }

            run = runEnd;
        }
    }
}
