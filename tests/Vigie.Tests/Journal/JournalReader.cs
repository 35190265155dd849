using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Tests.Support;

namespace Vigie.Tests.Journal;

/// <summary>Reads back what the test server journaled, decoded and seal-checked.</summary>
internal static class JournalReader
{
    public static async Task<List<JournalEntry>> EntriesAsync(VigieTestServer server, JournalAction? action = null)
    {
        var key = server.Services.GetRequiredService<JournalSigningKey>();
        await using var db = server.Database.NewContext();
        var records = await JournalQueries.SearchAsync(db, new JournalSearch(Limit: 10_000), key.SealKey, default);
        Assert.All(records, r => Assert.True(r.Intact));
        return records.Select(r => r.Entry).Where(e => action is null || e.Action == action).ToList();
    }
}
