namespace Vigie.Storage.Registry;

/// <summary>
/// The rows one registration chunk writes, in dependency order (identities before what refers to them). Written with
/// <see cref="MultiRowInsert"/>: one statement per table on PostgreSQL, where one INSERT per row cost a round trip
/// each (about 10,000 per chunk of 1,000: 1.1–1.3 s of the chunk's time, measured at 50,000–150,000 identities).
/// </summary>
internal sealed class PendingRows
{
    public List<IdentityRow> Identities { get; } = [];
    public List<BlockingKeyRow> Keys { get; } = [];
    public List<LocalRecordRow> Locals { get; } = [];
    public List<DuplicateCandidateRow> Candidates { get; } = [];

    public async Task WriteAsync(VigieDbContext db, CancellationToken ct)
    {
        await MultiRowInsert.InsertAsync(db, Identities, ct).ConfigureAwait(false);
        // In key order, the order of the index they go into: consecutive inserts then descend to neighbouring
        // pages of the blocking-key index instead of jumping across it.
        Keys.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        await MultiRowInsert.InsertAsync(db, Keys, ct).ConfigureAwait(false);
        await MultiRowInsert.InsertAsync(db, Locals, ct).ConfigureAwait(false);
        await MultiRowInsert.InsertAsync(db, Candidates, ct).ConfigureAwait(false);
    }
}
