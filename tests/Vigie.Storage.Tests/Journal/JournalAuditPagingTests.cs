using System.Runtime.CompilerServices;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>
/// Verification reads entries in pages of 50,000 whose rows are slices of one byte buffer per page, and checks
/// them in batches of 4,096 that straddle page ends. These journals span three pages, on both providers. (Three
/// pages are not enough for a page to be reused during the run, so a page handed back too early is not caught
/// here: that would take a journal of five pages or more, too slow for this suite.) Tampering is named across page
/// ends too, including a row deleted mid-page and a row renumbered far beyond the end (decision 0021 tried reading
/// pages as sequence ranges, where both matter).
/// </summary>
public sealed class JournalAuditPagingTests
{
    private const int Count = 130_000;

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task JournalOfThreePages_VerifiesEveryEntry(string provider)
    {
        var (database, key) = await JournalOfThreePagesAsync(provider);
        await using var _ = database;
        using var __ = key;

        var verification = await Journals.VerifyAsync(database, key);

        Assert.True(verification.IsValid, verification.Fault?.ToString());
        Assert.Equal(Count, verification.EntriesChecked);
    }

    // An edited index column on the third page, a row deleted from the second, a row renumbered far beyond the end.
    public static TheoryData<string, string, JournalFaultKind, long> Tamperings => new(
        from provider in new[] { TestDatabase.Sqlite, TestDatabase.Postgres }
        from tampering in new[]
        {
            ("UPDATE journal_entries SET \"ProfessionalId\" = 'someone-else' WHERE \"Sequence\" = 100001", JournalFaultKind.IndexMismatch, 100_001L),
            ("DELETE FROM journal_entries WHERE \"Sequence\" = 60000", JournalFaultKind.EntryDeleted, 60_000L),
            ("UPDATE journal_entries SET \"Sequence\" = 1000000000000 WHERE \"Sequence\" = 129999", JournalFaultKind.EntryDeleted, 129_999L),
        }
        select (provider, tampering.Item1, tampering.Item2, tampering.Item3));

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperingAcrossPages_IsNamed(string provider, string sql, JournalFaultKind kind, long entry)
    {
        var (database, key) = await JournalOfThreePagesAsync(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, FormattableStringFactory.Create(sql));

        var fault = (await Journals.VerifyAsync(database, key)).Fault;

        Assert.Equal(kind, fault!.Kind);
        Assert.Equal(entry, fault.Entry);
    }

    private static async Task<(TestDatabase Database, JournalSigningKey Key)> JournalOfThreePagesAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var key = Journals.Key(database);
        var clock = Journals.Clock();
        for (var start = 0; start < Count; start += 10_000)
        {
            await Journals.AppendAsync(database, key, clock, Journals.Entries(10_000, start));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return (database, key);
    }
}
