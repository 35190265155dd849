using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Identity;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;

namespace Vigie.Tests.Journal;

/// <summary>The host's retention pass: on its interval, entries older than the retention period go, the rest verifies.</summary>
public sealed class RetentionServiceTests
{
    [Fact]
    public async Task RetentionPass_PrunesEntriesOlderThanSixMonths_AndTheRestStillVerifies()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var settings = new VigieSettings { DataDirectory = database.DataDirectory, Journal = new JournalSettings { RetentionInterval = TimeSpan.FromHours(24) } };
        using var key = JournalSigningKey.LoadOrCreate(database.DataDirectory, settings.Journal.Origin);
        await using var writer = new JournalWriter(database.NewContext, key, clock);
        var old = clock.GetUtcNow().AddMonths(-8);
        await writer.AppendAsync([.. Enumerable.Range(0, 600).Select(i => Entry(old.AddSeconds(i)))]);
        await writer.AppendAsync([.. Enumerable.Range(0, 20).Select(i => Entry(clock.GetUtcNow().AddDays(-1).AddSeconds(i)))]);

        var service = new JournalRetentionService(settings, key, writer, clock, NullLogger<JournalRetentionService>.Instance);
        await service.StartAsync(default);
        try
        {
            Assert.Equal(0, await FirstSequenceAsync(database));
            await using var db0 = database.NewContext();
            // Since .NET 10 the service's loop starts on a background thread, so its timer may not exist yet when
            // the clock first moves: keep moving it a day at a time until the pass has run. A later pass finds
            // nothing old enough to remove and writes nothing, so the counts below hold however many days go by.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await db0.JournalEntries.AnyAsync(e => e.Action == (int)JournalAction.RetentionPrune) && DateTime.UtcNow < deadline)
            {
                clock.Advance(TimeSpan.FromHours(24));
                await Task.Delay(100);
            }
        }
        finally
        {
            await service.StopAsync(default);
        }

        // Pruning stops at a boundary aligned to the stored tree levels (256 entries), never past the cutoff.
        Assert.Equal(512, await FirstSequenceAsync(database));
        await using var db = database.NewContext();
        var verification = await JournalAudit.VerifyAsync(db, key.Trust, null, default);
        Assert.True(verification.IsValid, verification.Fault?.ToString());
        Assert.Equal(621, verification.TreeSize); // 620 appended, plus the pass's own RetentionPrune entry.
    }

    [Fact]
    public void RetentionBelowSixMonths_IsRefusedAtStart()
    {
        var settings = new VigieSettings { Journal = new JournalSettings { RetentionMonths = 3 } };
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddJournal(settings));
    }

    private static async Task<long> FirstSequenceAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.JournalEntries.MinAsync(e => e.Sequence);
    }

    private static JournalEntry Entry(DateTimeOffset time) => new(time, new JournalActor("810007654329", "590780193", "physician"),
        new JournalRequest("s-1", "192.0.2.1", "tests", "r"), JournalAction.Read, new PatientId("p-1"), DisclosedData.Identity, null, null, JournalOutcome.Success);
}
