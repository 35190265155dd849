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

    private Dictionary<string, IdentityRow>? _byId;

    /// <summary>The created identities by id, for the next chunk when it is planned before this one commits (built once).</summary>
    public Dictionary<string, IdentityRow> IdentitiesById() => _byId ??= Identities.ToDictionary(i => i.Id, StringComparer.Ordinal);

    public async Task WriteAsync(VigieDbContext db, CancellationToken ct)
    {
        await MultiRowInsert.InsertAsync(db, Identities, ct).ConfigureAwait(false);
        // In key order, the order of the index they go into: consecutive inserts then descend to neighbouring
        // pages of the blocking-key index instead of jumping across it.
        // Sorted as a copy: a pipelined registration's next chunk reads these rows while they are written.
        await MultiRowInsert.InsertAsync(db, [.. Keys.OrderBy(k => k.Key).ThenBy(k => k.IdentityId, StringComparer.Ordinal)], ct).ConfigureAwait(false);
        await MultiRowInsert.InsertAsync(db, Locals, ct).ConfigureAwait(false);
        await MultiRowInsert.InsertAsync(db, Candidates, ct).ConfigureAwait(false);
    }
}
