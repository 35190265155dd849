namespace Vigie.Core.Matching;

/// <summary>
/// Records grouped by blocking key with flat arrays: (key, record) entries sorted by key then record, and the
/// kept blocks as ranges of them. Blocks above the size cap are skipped and counted. Each record keeps its own
/// sorted keys (without skipped ones) so that a pair found in several blocks is taken in the first only.
/// </summary>
internal sealed class BlockIndex
{
    private readonly long[] _recordKeys;
    private readonly byte[] _recordKeyCounts;

    private BlockIndex(long[] recordKeys, byte[] recordKeyCounts, long[] entryKeys, int[] entryRecords)
    {
        _recordKeys = recordKeys;
        _recordKeyCounts = recordKeyCounts;
        EntryKeys = entryKeys;
        EntryRecords = entryRecords;
    }

    public long[] EntryKeys { get; }

    public int[] EntryRecords { get; }

    /// <summary>Start of each kept block in the entry arrays.</summary>
    public int[] BlockStarts { get; private set; } = [];

    /// <summary>Length of each kept block (2 up to the cap).</summary>
    public int[] BlockLengths { get; private set; } = [];

    /// <summary>Pairs within kept blocks, counting a pair once per block it appears in.</summary>
    public long BlockPairs { get; private set; }

    public int SkippedBlocks { get; private set; }

    /// <summary>Pairs within skipped blocks, counting a pair once per block.</summary>
    public long SkippedPairs { get; private set; }

    public int LargestSkippedBlock { get; private set; }

    public static BlockIndex Build(IReadOnlyList<MatchRecord> records, int maxBlockSize, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockSize, 2);
        var n = records.Count;
        var recordKeys = new long[(long)n * BlockingKeys.MaxKeys];
        var counts = new byte[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, Math.Max(n, 1), 4096), options, range =>
        {
            for (var i = range.Item1; i < Math.Min(range.Item2, n); i++)
            {
                counts[i] = (byte)BlockingKeys.Write(records[i], recordKeys.AsSpan(i * BlockingKeys.MaxKeys, BlockingKeys.MaxKeys));
            }
        });

        var total = 0L;
        foreach (var c in counts)
        {
            total += c;
        }

        var entryKeys = new long[total];
        var entryRecords = new int[total];
        var e = 0;
        for (var i = 0; i < n; i++)
        {
            var offset = i * BlockingKeys.MaxKeys;
            for (var k = 0; k < counts[i]; k++)
            {
                entryKeys[e] = recordKeys[offset + k];
                entryRecords[e] = i;
                e++;
            }
        }

        ParallelSort.SortByKey(entryKeys, entryRecords, maxDegreeOfParallelism, cancellationToken);
        var index = new BlockIndex(recordKeys, counts, entryKeys, entryRecords);
        index.FindBlocks(maxBlockSize);
        return index;
    }

    /// <summary>The sorted keys of record <paramref name="record"/> that did not fall in a skipped block.</summary>
    public ReadOnlySpan<long> KeysOf(int record) =>
        _recordKeys.AsSpan(record * BlockingKeys.MaxKeys, _recordKeyCounts[record]);

    /// <summary>
    /// True when <paramref name="key"/> is the smallest key that records <paramref name="a"/> and
    /// <paramref name="b"/> share: the one block in which the pair is scored.
    /// </summary>
    public bool IsFirstSharedKey(int a, int b, long key)
    {
        var ka = KeysOf(a);
        var kb = KeysOf(b);
        int x = 0, y = 0;
        while (x < ka.Length && y < kb.Length)
        {
            var p = ka[x];
            var q = kb[y];
            if (p >= key || q >= key)
            {
                return true;
            }

            if (p == q)
            {
                return false;
            }

            if (p < q)
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return true;
    }

    /// <summary>The keys of kept blocks the two records share, ascending (allocates: for small registers only).</summary>
    public long[] SharedKeys(int a, int b)
    {
        var shared = new List<long>();
        var ka = KeysOf(a);
        var kb = KeysOf(b);
        int x = 0, y = 0;
        while (x < ka.Length && y < kb.Length)
        {
            if (ka[x] == kb[y])
            {
                shared.Add(ka[x]);
                x++;
                y++;
            }
            else if (ka[x] < kb[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return [.. shared];
    }

    /// <summary>How many kept blocks the two records share.</summary>
    public int SharedKeyCount(int a, int b)
    {
        var ka = KeysOf(a);
        var kb = KeysOf(b);
        int x = 0, y = 0, shared = 0;
        while (x < ka.Length && y < kb.Length)
        {
            if (ka[x] == kb[y])
            {
                shared++;
                x++;
                y++;
            }
            else if (ka[x] < kb[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return shared;
    }

    private void FindBlocks(int maxBlockSize)
    {
        var starts = new List<int>();
        var lengths = new List<int>();
        HashSet<long>? skipped = null;
        var keys = EntryKeys;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            var length = end - start;
            if (length > maxBlockSize)
            {
                skipped ??= [];
                skipped.Add(keys[start]);
                SkippedBlocks++;
                SkippedPairs += (long)length * (length - 1) / 2;
                LargestSkippedBlock = Math.Max(LargestSkippedBlock, length);
            }
            else if (length >= 2)
            {
                starts.Add(start);
                lengths.Add(length);
                BlockPairs += (long)length * (length - 1) / 2;
            }

            start = end;
        }

        BlockStarts = [.. starts];
        BlockLengths = [.. lengths];
        if (skipped is not null)
        {
            RemoveSkippedKeys(skipped);
        }
    }

    // A key whose block was skipped must not count as "first shared": the pair is scored in its next block.
    private void RemoveSkippedKeys(HashSet<long> skipped)
    {
        for (var i = 0; i < _recordKeyCounts.Length; i++)
        {
            var keys = _recordKeys.AsSpan(i * BlockingKeys.MaxKeys, _recordKeyCounts[i]);
            var write = 0;
            foreach (var key in keys)
            {
                if (!skipped.Contains(key))
                {
                    keys[write++] = key;
                }
            }

            _recordKeyCounts[i] = (byte)write;
        }
    }
}
