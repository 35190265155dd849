using System.Collections.Concurrent;
using System.Data.Common;

namespace Vigie.Storage.Journal;

/// <summary>
/// Reads verification pages on one connection: recycled pages from <paramref name="free"/>, and the gate held
/// around each read when the connection is shared (entries and checkpoints are read alternately on the
/// verification's own connection, which holds one open result at a time).
/// </summary>
internal sealed class PageSource(
    DbConnection connection, DbTransaction? transaction, EntryColumns columns, EntryPageReader reader, SemaphoreSlim? gate, ConcurrentQueue<EntryPage> free)
{
    public const int PageSize = 50_000;

    // An entry of a search is about 150 bytes, plus 32 of leaf hash and 16 of seal; longer rows grow the arena.
    private const int BytesPerRow = 256;

    public DbConnection Connection => connection;

    public DbTransaction? Transaction => transaction;

    public EntryPageReader Reader => reader;

    public SemaphoreSlim? Gate => gate;

    /// <summary>The same reader on another connection (no gate: nothing else uses it).</summary>
    public PageSource On(SnapshotConnection other) => new(other.Connection, other.Transaction, columns, reader, null, free);

    /// <summary>The rows after <paramref name="after"/> up to <paramref name="until"/>, at most one page.</summary>
    public async Task<EntryPage> ReadAsync(long after, long until, CancellationToken ct)
    {
        var page = free.TryDequeue(out var recycled) ? recycled : new EntryPage(PageSize, BytesPerRow);
        if (gate is not null)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await reader.ReadAsync(connection, transaction, columns, after, until, page, ct).ConfigureAwait(false);
        }
        finally
        {
            gate?.Release();
        }

        return page;
    }
}
