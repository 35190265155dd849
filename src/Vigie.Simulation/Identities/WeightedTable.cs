namespace Vigie.Simulation.Identities;

/// <summary>
/// Draws items in proportion to integer weights. Integer cumulative sums keep the draw exact and identical
/// on every platform; the binary search keeps it O(log n) for the long name tables.
/// </summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedTable(IReadOnlyList<(T Item, int Weight)> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("a weighted table needs at least one entry", nameof(entries));
        }

        _items = new T[entries.Count];
        _cumulative = new int[entries.Count];
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Weight <= 0)
            {
                throw new ArgumentException("weights are positive", nameof(entries));
            }

            total = checked(total + entries[i].Weight);
            _items[i] = entries[i].Item;
            _cumulative[i] = total;
        }
    }

    public int Count => _items.Length;

    public int TotalWeight => _cumulative[^1];

    public T this[int index] => _items[index];

    public T Draw(SimRandom random) => _items[DrawIndex(random)];

    public int DrawIndex(SimRandom random)
    {
        // Hand-written lower bound: the first cumulative weight above the target. Array.BinarySearch goes
        // through a generic comparer and was the largest single cost of a million-record run.
        var target = random.Next(_cumulative[^1]);
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (_cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
