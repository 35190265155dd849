using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Vigie.Seeding;
using Vigie.Simulation.Identities;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Cli;

/// <summary>
/// `vigie import` per chunk (the default, pipelined, decision 0020) against `--atomic`, as real processes on a real
/// SQLite file and a real PostgreSQL. Regional ids are random, so registries are compared by what they group: which
/// local records share an identity, which were linked automatically, and which groups the review queue pairs.
/// </summary>
public sealed class ImportModesCliTests
{
    // Small chunks, so that 600 records make six transactions and the pipeline overlaps several of them.
    private const string Chunk = "100";

    private static async Task<(TestDatabase Db, string[] Target, string File, int Count)> PrepareAsync(string provider, int count = 600)
    {
        var database = await TestDatabase.CreateAsync(provider);
        string[] target = database.PostgresConnectionString is { } pg ? ["--data", database.DataDirectory, "--postgres", pg] : ["--data", database.DataDirectory];
        // The same seed in every database: the same establishments and the same file.
        var generator = new SyntheticIdentityGenerator(11, new DateOnly(2026, 1, 1), SyntheticIdentityOptions.Default with { EstablishmentCount = 3, InsKind = Vigie.Core.Identity.InsKind.Demo });
        foreach (var e in generator.Establishments)
        {
            var added = await VigieProcess.RunAsync(["establishment", "add", .. target, "--finess", e.Finess.Value, "--name", e.Name, "--ipp-system", e.IppSystem]);
            Assert.True(added.ExitCode == 0, added.Stderr);
        }

        var file = Path.Combine(database.DataDirectory, "patients.ndjson");
        await File.WriteAllLinesAsync(file, generator.GenerateBatch(count).Select(r => FhirJsonSerializer.Default.SerializeToString(SyntheticPatients.ToFhir(r))));
        return (database, target, file, count);
    }

    private static async Task<VigieProcess.Result> ImportAsync(string[] target, string file, params string[] options)
    {
        var import = await VigieProcess.RunAsync(["import", file, .. target, "--chunk", Chunk, .. options]);
        Assert.True(import.ExitCode == 0, import.Stderr);
        return import;
    }

    /// <summary>The registry as groups of local records, independent of the random regional ids.</summary>
    private static async Task<Registry> ReadAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var locals = await db.LocalRecords.AsNoTracking().Select(l => new { Key = l.System + "|" + l.Value, l.IdentityId, l.LinkedAutomatically }).ToListAsync();
        var groupOf = locals.GroupBy(l => l.IdentityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(l => l.Key).Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        var queue = await db.DuplicateCandidates.AsNoTracking().Select(d => new { d.IdentityA, d.IdentityB, d.Grade }).ToListAsync();
        return new Registry(
            await db.Identities.CountAsync(),
            groupOf.Values.Order(StringComparer.Ordinal).ToList(),
            locals.Where(l => l.LinkedAutomatically).Select(l => l.Key).Order(StringComparer.Ordinal).ToList(),
            queue.Select(d => string.Join(" ~ ", new[] { groupOf.GetValueOrDefault(d.IdentityA, "?"), groupOf.GetValueOrDefault(d.IdentityB, "?") }.Order(StringComparer.Ordinal)) + " " + d.Grade)
                .Order(StringComparer.Ordinal).ToList());
    }

    private sealed record Registry(int Identities, List<string> Groups, List<string> AutoLinked, List<string> Queue);

    private static void AssertSame(Registry expected, Registry actual)
    {
        Assert.Equal(expected.Identities, actual.Identities);
        Assert.Equal(expected.Groups, actual.Groups);
        Assert.Equal(expected.AutoLinked, actual.AutoLinked);
        Assert.Equal(expected.Queue, actual.Queue);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_PerChunk_RegistersWhatAtomicRegisters(string provider)
    {
        var (atomicDb, atomicTarget, file, count) = await PrepareAsync(provider);
        await using var _ = atomicDb;
        var (chunkedDb, chunkedTarget, _, _) = await PrepareAsync(provider);
        await using var __ = chunkedDb;

        var atomic = await ImportAsync(atomicTarget, file, "--atomic", "--no-estimate");
        var chunked = await ImportAsync(chunkedTarget, file, "--no-estimate");

        Assert.Equal(atomic.Stdout, chunked.Stdout);
        Assert.Contains($"{count}/{count} records", chunked.Stderr, StringComparison.Ordinal);
        var expected = await ReadAsync(atomicDb);
        // Not a vacuous comparison: the file has links and queued pairs to get wrong.
        Assert.Equal(count, expected.Groups.Sum(g => g.Split(',').Length));
        Assert.NotEmpty(expected.AutoLinked);
        Assert.NotEmpty(expected.Queue);
        AssertSame(expected, await ReadAsync(chunkedDb));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RunAgain_ChangesNothing(string provider)
    {
        var (database, target, file, count) = await PrepareAsync(provider);
        await using var _ = database;
        await ImportAsync(target, file);
        var first = await ReadAsync(database);

        var again = await ImportAsync(target, file);

        Assert.Contains($"imported {count} records: 0 identities created, 0 linked, {count} already registered, 0 probable duplicates queued", again.Stdout, StringComparison.Ordinal);
        AssertSame(first, await ReadAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_Interrupted_ThenRunAgain_EndsAsOneRun(string provider)
    {
        var (oneRunDb, oneRunTarget, file, count) = await PrepareAsync(provider);
        await using var _ = oneRunDb;
        var (resumedDb, resumedTarget, _, _) = await PrepareAsync(provider);
        await using var __ = resumedDb;
        await ImportAsync(oneRunTarget, file, "--no-estimate");

        // An import stopped after its third chunk committed: the chunks before it are in, and it never re-estimated.
        var firstChunks = Path.Combine(resumedDb.DataDirectory, "interrupted.ndjson");
        await File.WriteAllLinesAsync(firstChunks, (await File.ReadAllLinesAsync(file)).Take(300));
        await ImportAsync(resumedTarget, firstChunks, "--no-estimate");
        var resumed = await ImportAsync(resumedTarget, file, "--no-estimate");

        Assert.Contains("300 already registered", resumed.Stdout, StringComparison.Ordinal);
        var expected = await ReadAsync(oneRunDb);
        Assert.Equal(count, expected.Groups.Sum(g => g.Split(',').Length));
        AssertSame(expected, await ReadAsync(resumedDb));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Import_WithOneBadLineLate_WritesNothing_InEitherMode(bool atomic)
    {
        var (database, target, file, _) = await PrepareAsync(TestDatabase.Sqlite, 450);
        await using var _ = database;
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        // Late in the file: a per-chunk import that validated as it went would have committed chunks by then.
        lines.Insert(420, "{\"resourceType\":\"Patient\",\"birthDate\":\"1980-02-30\"}");
        await File.WriteAllLinesAsync(file, lines);
        string[] options = atomic ? ["--atomic"] : [];
        var import = await VigieProcess.RunAsync(["import", file, .. target, "--chunk", Chunk, .. options]);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("line 421", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", import.Stderr, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Identities.CountAsync());
        Assert.Equal(0, await db.LocalRecords.CountAsync());
    }
}
