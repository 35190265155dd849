using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Journal;

/// <summary>
/// Verification reads entries in pages of 50,000 whose rows are slices of one byte buffer per page, and checks
/// them in batches of 4,096 that straddle page ends. These journals span three pages, on both providers. (Three
/// pages are not enough for a page to be reused during the run, so a page handed back too early is not caught
/// here: that would take a journal of five pages or more, too slow for this suite.) On PostgreSQL the second and
/// third pages are read as sequence ranges on two connections sharing one snapshot (decision 0021): a short range
/// (a gap) ends the ranges, and what follows is read by cursor, so rows moved far away are still met.
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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EditedIndexColumnOnTheThirdPage_IsNamed(string provider)
    {
        var (database, key) = await JournalOfThreePagesAsync(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"ProfessionalId\" = 'someone-else' WHERE \"Sequence\" = 100001");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;

        Assert.Equal(JournalFaultKind.IndexMismatch, fault!.Kind);
        Assert.Equal(100_001, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeletedEntryOnTheSecondPage_IsNamed(string provider)
    {
        var (database, key) = await JournalOfThreePagesAsync(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"DELETE FROM journal_entries WHERE \"Sequence\" = 60000");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;

        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(60_000, fault.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EntryRenumberedFarBeyondTheEnd_IsNamed(string provider)
    {
        var (database, key) = await JournalOfThreePagesAsync(provider);
        await using var _ = database;
        using var __ = key;
        await Journals.ExecuteAsync(database, $"UPDATE journal_entries SET \"Sequence\" = 1000000000000 WHERE \"Sequence\" = 129999");

        var fault = (await Journals.VerifyAsync(database, key)).Fault;

        Assert.Equal(JournalFaultKind.EntryDeleted, fault!.Kind);
        Assert.Equal(129_999, fault.Entry);
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
