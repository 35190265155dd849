using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Journal;

/// <summary>Reads back what the test server journaled, decoded and seal-checked.</summary>
internal static class JournalReader
{
    public static Task<List<JournalEntry>> EntriesAsync(VigieTestServer server, JournalAction? action = null) =>
        EntriesAsync(server.Database, server.Services.GetRequiredService<JournalSigningKey>(), action);

    /// <summary>What server processes on <paramref name="database"/> journaled (the key is the data directory's).</summary>
    public static Task<List<JournalEntry>> EntriesAsync(TestDatabase database, JournalAction? action = null) =>
        EntriesAsync(database, JournalSigningKey.LoadOrCreate(database.DataDirectory, "test"), action);

    private static async Task<List<JournalEntry>> EntriesAsync(TestDatabase database, JournalSigningKey key, JournalAction? action)
    {
        await using var db = database.NewContext();
        var records = await JournalQueries.SearchAsync(db, new JournalSearch(Limit: 10_000), key.SealKey, default);
        Assert.All(records, r => Assert.True(r.Intact));
        return records.Select(r => r.Entry).Where(e => action is null || e.Action == action).ToList();
    }
}
