using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Vigie.Core.Identity;
using Vigie.Core.Matching;
using Vigie.Simulation.Identities;
using Vigie.Storage.Registry;
using Vigie.Testing;
using static Vigie.Storage.Tests.Registry.RegistrationData;

namespace Vigie.Storage.Tests.Registry;

/// <summary>
/// Pipelined registration (decision 0018) plans a chunk while the previous one writes and commits: it must link, create
/// and queue exactly as registering the chunks one after the other does, whether or not the previous chunk's commit is
/// visible when the next one reads.
/// </summary>
public sealed class PipelinedRegistrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<TestDatabase> DatabaseAsync(string provider, SyntheticIdentityGenerator generator)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await AddEstablishmentsAsync(database, generator);
        return database;
    }

    private static List<List<RegistrationRequest>> Chunks(GeneratedRecord[] records, int size) =>
        [.. records.Chunk(size).Select(c => c.Select(Request).ToList())];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pipelined_GivesTheOutcomesAndReviewQueueOfSequential(string provider)
    {
        var records = Records(1_200, out var generator);
        var model = Model(records);
        var chunks = Chunks(records, 100);
        // The first records again at the end: already registered, by a chunk long committed.
        chunks.Add([.. records.Take(50).Select(Request)]);

        await using var sequentialDb = await DatabaseAsync(provider, generator);
        var sequential = new List<RegistrationOutcome>();
        var ids = 0;
        foreach (var chunk in chunks)
        {
            await using var db = sequentialDb.NewContext();
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => model, MatchThresholds.Default);
            sequential.AddRange(await registration.RegisterAsync(chunk, CancellationToken.None));
        }

        await using var pipelinedDb = await DatabaseAsync(provider, generator);
        var pipelined = new List<RegistrationOutcome>();
        var pipelinedIds = 0;
        var committedChunks = 0;
        var pipeline = new PipelinedRegistration(pipelinedDb.NewContext, new FakeTimeProvider(Now), () => new PatientId("p-" + pipelinedIds++), _ => model, MatchThresholds.Default);
        await pipeline.RegisterAsync(chunks, outcomes =>
        {
            committedChunks++;
            pipelined.AddRange(outcomes);
        }, CancellationToken.None);

        Assert.Equal(chunks.Count, committedChunks);
        Assert.Equal(sequential, pipelined);

        // The case the pipeline exists for is exercised: a record linked to an identity the chunk just before created.
        var createdInChunk = sequential.Select((o, i) => (o, i)).Where(x => x.o.Kind == RegistrationKind.Created).ToDictionary(x => x.o.Identity, x => x.i / 100);
        Assert.Contains(sequential.Select((o, i) => (o, i)), x => x.o.Kind == RegistrationKind.Linked && createdInChunk[x.o.Identity] == (x.i / 100) - 1);
        Assert.Contains(sequential, o => o.QueuedForReview > 0);
        Assert.Equal(50, sequential.Skip(records.Length).Count(o => o.Kind == RegistrationKind.AlreadyRegistered));

        await using var a = sequentialDb.NewContext();
        await using var b = pipelinedDb.NewContext();
        Assert.Equal(await ReviewQueueAsync(a), await ReviewQueueAsync(b));
        Assert.Equal(await a.LocalRecords.CountAsync(), await b.LocalRecords.CountAsync());
        Assert.Equal(await a.BlockingKeys.CountAsync(), await b.BlockingKeys.CountAsync());
    }

    private static async Task<List<(string, string, double, int)>> ReviewQueueAsync(VigieDbContext db) =>
        [.. (await db.DuplicateCandidates.Select(c => new { c.IdentityA, c.IdentityB, c.Score, c.Grade }).ToListAsync())
            .Select(c => (c.IdentityA, c.IdentityB, c.Score, c.Grade)).Order()];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plan_AfterAnUncommittedChunk_LinksTheTwinItCreates_AsAfterItsCommit(string provider)
    {
        var records = Records(600, out var generator);
        var model = Model(records);
        var (first, second) = (records[..300].Select(Request).ToList(), records[300..].Select(Request).ToList());

        // Sequential: the second chunk planned once the first is committed.
        await using var database = await DatabaseAsync(provider, generator);
        var ids = 0;
        IReadOnlyList<RegistrationOutcome> expected;
        IReadOnlyList<RegistrationOutcome> firstOutcomes;
        await using (var db = database.NewContext())
        {
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => model, MatchThresholds.Default);
            firstOutcomes = await registration.RegisterAsync(first, CancellationToken.None);
            expected = await registration.RegisterAsync(second, CancellationToken.None);
        }

        var created = firstOutcomes.Where(o => o.Kind == RegistrationKind.Created).Select(o => o.Identity).ToHashSet();
        Assert.Contains(expected, o => o.Kind == RegistrationKind.Linked && created.Contains(o.Identity));

        // Pipelined, the first chunk planned and not written: its identities exist only in memory.
        await using var empty = await DatabaseAsync(provider, generator);
        ids = 0;
        await using (var db = empty.NewContext())
        {
            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("p-" + ids++), () => model, MatchThresholds.Default);
            var (_, firstRows) = await registration.PlanOnAsync(db, first, null, CancellationToken.None);
            var (uncommitted, _) = await registration.PlanOnAsync(db, second, firstRows, CancellationToken.None);
            Assert.Equal(expected, uncommitted);
            Assert.Equal(0, await db.Identities.CountAsync());

            // The first chunk committed meanwhile: the database and the previous rows both show it, counted once.
            await registration.CommitAsync(firstRows, CancellationToken.None);
            ids = created.Count; // the second chunk's new ids again
            var (both, _) = await registration.PlanOnAsync(db, second, firstRows, CancellationToken.None);
            Assert.Equal(expected, both);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plan_BlockOversizedOnlyWithThePreviousChunk_IsNotUsed(string provider)
    {
        var records = Records(20, out var generator);
        var model = Model(Records(2_000, out _));
        var request = Request(records[0]) with { Ins = null };
        await using var database = await DatabaseAsync(provider, generator);

        // Twins of the request share every block with it; 200 twins is the largest usable block, one more is too many.
        async Task<RegistrationKind> KindAsync(int inDatabase, int inPrevious)
        {
            await using var db = database.NewContext();
            await db.BlockingKeys.ExecuteDeleteAsync(); // each case starts from an empty register
            await db.Identities.ExecuteDeleteAsync();
            var stored = Twins(request, "d", inDatabase);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await stored.WriteAsync(db, CancellationToken.None);
                await tx.CommitAsync();
            }

            var registration = new IdentityRegistration(db, new FakeTimeProvider(Now), () => new PatientId("new"), () => model, MatchThresholds.Default);
            var (outcomes, _) = await registration.PlanOnAsync(db, [request], Twins(request, "m", inPrevious), CancellationToken.None);
            return outcomes[0].Kind;
        }

        Assert.Equal(RegistrationKind.Linked, await KindAsync(195, 5));
        Assert.Equal(RegistrationKind.Created, await KindAsync(195, 6));
        Assert.Equal(RegistrationKind.Created, await KindAsync(201, 1)); // oversized in the database, whatever the previous chunk adds
        Assert.Equal(RegistrationKind.Linked, await KindAsync(0, 1)); // a block only the previous chunk holds
    }

    private static PendingRows Twins(RegistrationRequest request, string prefix, int count)
    {
        var rows = new PendingRows();
        var keys = BlockingKeys.For(MatchRecord.From(request.Traits)).Distinct().ToArray();
        for (var i = 0; i < count; i++)
        {
            var row = new IdentityRow { Id = prefix + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), BirthName = "", FirstGivenName = "", GivenNames = "", CreatedAt = Now, UpdatedAt = Now };
            row.Apply(request.Traits, request.Status, request.Flags, request.Ins);
            rows.Identities.Add(row);
            rows.Keys.AddRange(keys.Select(k => new BlockingKeyRow { Key = k, IdentityId = row.Id }));
        }

        return rows;
    }
}
