using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>Helpers shared by the journal storage tests: entries, a key in the test's data directory, verification.</summary>
internal static class Journals
{
    public const string Origin = "vigie.test/journal";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static JournalEntry Entry(int i, DateTimeOffset? time = null) => new(
        time ?? Start.AddMilliseconds(i),
        new JournalActor("1000" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), "590780193", "10"),
        new JournalRequest("sess-" + (i / 10), "192.0.2.17", "vigie-tests/1.0", "req-" + i),
        i % 3 == 0 ? JournalAction.Read : JournalAction.Search,
        new PatientId("p-" + (i % 50)),
        DisclosedData.Identity | (i % 2 == 0 ? DisclosedData.Phone : DisclosedData.None),
        "family,birthdate",
        null,
        JournalOutcome.Success);

    public static List<JournalEntry> Entries(int count, int offset = 0) => [.. Enumerable.Range(offset, count).Select(i => Entry(i))];

    public static JournalSigningKey Key(TestDatabase database) => JournalSigningKey.LoadOrCreate(database.DataDirectory, Origin);

    public static async Task<JournalVerification> VerifyAsync(TestDatabase database, JournalSigningKey key, IReadOnlyList<StoredCheckpoint>? witnessed = null)
    {
        await using var db = database.NewContext();
        return await JournalAudit.VerifyAsync(db, key.Trust, witnessed, CancellationToken.None);
    }

    public static async Task<JournalAppendResult> AppendAsync(TestDatabase database, JournalSigningKey key, TimeProvider clock, IReadOnlyList<JournalEntry> entries, bool checkpoint = true)
    {
        await using var db = database.NewContext();
        return await new JournalAppender(db, key, clock, TimeSpan.FromSeconds(1)).AppendAsync(entries, checkpoint, CancellationToken.None);
    }

    public static async Task ExecuteAsync(TestDatabase database, FormattableString sql)
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlAsync(sql);
    }

    public static FakeTimeProvider Clock() => new(Start);
}
