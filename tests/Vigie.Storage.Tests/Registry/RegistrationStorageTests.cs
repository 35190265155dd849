using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;
using Vigie.Testing;
using static Vigie.Storage.Tests.Registry.RegistrationData;

namespace Vigie.Storage.Tests.Registry;

/// <summary>Registration against a real SQLite file and a real PostgreSQL database.</summary>
public sealed class RegistrationStorageTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_WritesRowsThatReadBackExactly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = Records(300, out var generator);
        await AddEstablishmentsAsync(database, generator);
        var ids = 0;
        await using (var db = database.NewContext())
        {
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => Model(records), MatchThresholds.Default);
            await registration.RegisterAsync(records.Select(Request).ToList(), CancellationToken.None);
        }

        await using var read = database.NewContext();
        Assert.Equal(records.Length, await read.LocalRecords.CountAsync());
        var first = await read.Identities.SingleAsync(i => i.Id == "p-0");
        var expected = records[0].Traits;
        Assert.Equal(expected.BirthName, first.BirthName);
        Assert.Equal(expected.BirthDate, first.BirthDate);
        Assert.Equal(Now, first.CreatedAt);
        Assert.Equal(expected.Phones, first.ToDomain().Traits.Phones);
        Assert.True(await read.BlockingKeys.AnyAsync(k => k.IdentityId == "p-0"));
        var local = await read.LocalRecords.FirstAsync(l => l.Value == records[0].Ipp.Value);
        Assert.Equal(Now, local.RegisteredAt);

        // Time windows are compared in SQL on both providers (SQLite stores them as sortable numbers).
        Assert.Equal(records.Length, await read.LocalRecords.CountAsync(l => l.RegisteredAt >= Now && l.RegisteredAt < Now.AddSeconds(1)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_WithBackgroundCheckpoints_CommitsEveryChunkForOtherConnections(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = Records(600, out var generator);
        await AddEstablishmentsAsync(database, generator);
        var model = Model(records);
        var checkpoints = new WalCheckpoints(database.NewContext, NullLogger.Instance);
        var ids = 0;
        for (var start = 0; start < records.Length; start += 200)
        {
            // A context per chunk, as the server's scoped registration: each opens its connection with checkpoints deferred.
            await using var db = database.NewContext();
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => model, MatchThresholds.Default)
            {
                Checkpoints = checkpoints,
            };
            await registration.RegisterAsync(records.Skip(start).Take(200).Select(Request).ToList(), CancellationToken.None);
            await using var other = database.NewContext();
            Assert.Equal(start + 200, await other.LocalRecords.CountAsync());
        }

        await checkpoints.DrainAsync();
        await using var read = database.NewContext();
        Assert.Equal(ids, await read.Identities.CountAsync());
        Assert.Equal(records.Length, await read.LocalRecords.CountAsync());
        Assert.True(await read.BlockingKeys.AnyAsync(k => k.IdentityId == "p-" + (ids - 1)));
    }

    [Fact]
    public async Task RestartLogIfOver_CopiesTheWal_SoTheNextRegistrationRestartsIt()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var records = Records(300, out var generator);
        await AddEstablishmentsAsync(database, generator);
        var model = Model(records);
        var checkpoints = new WalCheckpoints(database.NewContext, NullLogger.Instance);
        var ids = 0;
        async Task RegisterAsync(int start, WalCheckpoints? runner)
        {
            await using var db = database.NewContext();
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => model, MatchThresholds.Default)
            {
                Checkpoints = runner,
            };
            await registration.RegisterAsync(records.Skip(start).Take(100).Select(Request).ToList(), CancellationToken.None);
        }

        // A first chunk and its checkpoint: the runner now knows the WAL's size. A second chunk leaves frames that
        // no checkpoint has copied, so a transaction starting now could not restart the WAL.
        await RegisterAsync(0, checkpoints);
        await checkpoints.DrainAsync();
        await RegisterAsync(100, null);
        var restartsBefore = WalRestarts(database);

        await checkpoints.RestartLogIfOverAsync(0);
        await RegisterAsync(200, null);

        Assert.Equal(restartsBefore + 1, WalRestarts(database));
        await using var read = database.NewContext();
        Assert.Equal(records.Length, await read.LocalRecords.CountAsync());
    }

    /// <summary>The checkpoint sequence number in the WAL header, which SQLite increments each time it restarts the WAL.</summary>
    private static uint WalRestarts(TestDatabase database)
    {
        using var wal = new FileStream(Path.Combine(database.DataDirectory, Vigie.Storage.Sqlite.SqliteStorage.FileName + "-wal"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        wal.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_KnownDuplicates_AreLinkedOrQueuedNeverLost(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = Records(2_000, out var generator);
        await AddEstablishmentsAsync(database, generator);
        var model = Model(records);
        await using var db = database.NewContext();
        var registration = new IdentityRegistration(db, TimeProvider.System, () => new PatientId("p-" + Guid.NewGuid().ToString("N")), () => model, MatchThresholds.Default);
        var outcomes = await registration.RegisterAsync(records.Select(Request).ToList(), CancellationToken.None);

        var linked = outcomes.Count(o => o.Kind == RegistrationKind.Linked);
        var duplicates = records.Count(r => !r.IsReference);
        Assert.True(linked > duplicates / 2, $"{linked} of {duplicates} known duplicates linked");

        // A link never joins two different persons' reference records.
        var identityOfReference = records.Select((r, i) => (r, i)).Where(x => x.r.IsReference).GroupBy(x => outcomes[x.i].Identity).Where(g => g.Count() > 1).ToList();
        var detail = string.Join("\n", identityOfReference.SelectMany(g => g.Select(x => $"{g.Key.Value} person {x.r.PersonKey} homonymOf {x.r.HomonymOf} {x.r.Traits.BirthName} {x.r.Traits.FirstGivenName} {x.r.Traits.BirthDate} {x.r.Traits.Sex} {x.r.Traits.BirthplaceCode} ins {x.r.Ins?.Value} {outcomes[x.i].Kind} {outcomes[x.i].LinkScore}")));
        Assert.True(identityOfReference.Count == 0, $"{identityOfReference.Count} identities hold several persons:\n{detail}");
        Assert.Equal(records.Length, await db.LocalRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_FailingMidBatch_LeavesNothingWritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = Records(50, out var generator);
        await AddEstablishmentsAsync(database, generator);
        var requests = records.Select(Request).ToList();

        // The last request names an establishment that does not exist: the foreign key fails on insert.
        requests.Add(requests[0] with { Finess = "999999999", Local = new LocalIdentifier("urn:oid:1.2.3", "x") });
        await using (var db = database.NewContext())
        {
            var registration = new IdentityRegistration(db, TimeProvider.System, () => new PatientId("p-" + Guid.NewGuid().ToString("N")), () => Model(records), MatchThresholds.Default);
            await Assert.ThrowsAnyAsync<Exception>(() => registration.RegisterAsync(requests, CancellationToken.None));
        }

        await using var read = database.NewContext();
        Assert.Equal(0, await read.Identities.CountAsync());
        Assert.Equal(0, await read.LocalRecords.CountAsync());
        Assert.Equal(0, await read.BlockingKeys.CountAsync());
    }
}
