namespace Vigie.Storage.Registry;

/// <summary>The rows one registration chunk writes, in dependency order (identities before what refers to them).</summary>
internal sealed class PendingRows
{
    public List<IdentityRow> Identities { get; } = [];
    public List<BlockingKeyRow> Keys { get; } = [];
    public List<LocalRecordRow> Locals { get; } = [];
    public List<DuplicateCandidateRow> Candidates { get; } = [];

    public async Task WriteAsync(VigieDbContext db, CancellationToken ct)
    {
        await WriteAsync(db, Identities, ct).ConfigureAwait(false);
        await WriteAsync(db, Keys, ct).ConfigureAwait(false);
        await WriteAsync(db, Locals, ct).ConfigureAwait(false);
        await WriteAsync(db, Candidates, ct).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(VigieDbContext db, List<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var insert = await BulkInsert<T>.PrepareAsync(db, ct).ConfigureAwait(false);
        await using (insert.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await insert.InsertAsync(row, ct).ConfigureAwait(false);
            }
        }
    }
}
