using Vigie.Core.Journal;

namespace Vigie.Storage.Journal;

/// <summary>
/// One page of journal rows read for verification. The bytes of every row (entry, leaf hash, seal) are copied
/// into one arena that the page keeps between uses, so reading a page allocates nothing per row but the two id
/// strings: three arrays a row for a million rows cost as much as the hashing.
/// </summary>
public sealed class EntryPage
{
    private StoredEntry[] _entries;
    private byte[] _arena;
    private int _used;

    /// <summary>A page for up to <paramref name="capacity"/> rows, with room for rows of about <paramref name="bytesPerRow"/> bytes.</summary>
    public EntryPage(int capacity, int bytesPerRow)
    {
        _entries = new StoredEntry[capacity];
        _arena = new byte[capacity * bytesPerRow];
    }

    /// <summary>The rows read, in order.</summary>
    public ReadOnlySpan<StoredEntry> Entries => _entries.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>Copies one row into the page.</summary>
    public void Add(long sequence, ReadOnlySpan<byte> entry, ReadOnlySpan<byte> leafHash, ReadOnlySpan<byte> seal, in JournalEntryIndex index)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        var needed = entry.Length + leafHash.Length + seal.Length;
        if (_arena.Length - _used < needed)
        {
            // Rows already added keep the old arena alive through their slices; only new rows use the new one.
            _arena = new byte[Math.Max(_arena.Length, needed * 1024)];
            _used = 0;
        }

        _entries[Count++] = new StoredEntry(sequence, Copy(entry), Copy(leafHash), Copy(seal), index);
    }

    /// <summary>Empties the page for reuse: only once nothing reads the rows it held.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        _used = 0;
    }

    private ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_arena.AsSpan(_used));
        var memory = new ReadOnlyMemory<byte>(_arena, _used, bytes.Length);
        _used += bytes.Length;
        return memory;
    }
}
