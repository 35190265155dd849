using System.Text.Json;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Vigie.Seeding;
using Vigie.Simulation.Identities;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Cli;

/// <summary>`vigie establishment`, `vigie import` and `vigie duplicates`, run as real processes on a real SQLite file.</summary>
public sealed class ImportAndDuplicatesCliTests
{
    private static async Task<(TestDatabase Db, SyntheticIdentityGenerator Generator, GeneratedRecord[] Records, string File)> PrepareAsync(int count)
    {
        var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var generator = new SyntheticIdentityGenerator(11, new DateOnly(2026, 1, 1), SyntheticIdentityOptions.Default with { EstablishmentCount = 3, InsKind = Vigie.Core.Identity.InsKind.Demo });
        foreach (var e in generator.Establishments)
        {
            var added = await VigieProcess.RunAsync("establishment", "add", "--data", database.DataDirectory, "--finess", e.Finess.Value, "--name", e.Name, "--ipp-system", e.IppSystem);
            Assert.Equal(0, added.ExitCode);
            Assert.Equal(e.IppSystem, added.Stdout.Trim());
        }

        var records = generator.GenerateBatch(count);
        var file = Path.Combine(database.DataDirectory, "patients.ndjson");
        await File.WriteAllLinesAsync(file, records.Select(r => FhirJsonSerializer.Default.SerializeToString(SyntheticPatients.ToFhir(r))));
        return (database, generator, records, file);
    }

    [Fact]
    public async Task EstablishmentAdd_WithBadFiness_FailsWithMessage()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var result = await VigieProcess.RunAsync("establishment", "add", "--data", database.DataDirectory, "--finess", "590780194", "--name", "X");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("check digit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ThenDuplicates_ListsQueueAsJsonLines()
    {
        var (database, _, records, file) = await PrepareAsync(600);
        await using var _ = database;
        var import = await VigieProcess.RunAsync("import", file, "--data", database.DataDirectory);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"imported {records.Length} records", import.Stdout, StringComparison.Ordinal);

        await using (var db = database.NewContext())
        {
            Assert.Equal(records.Length, await db.LocalRecords.CountAsync());
            Assert.Equal(records.Length - await db.LocalRecords.CountAsync(l => l.LinkedAutomatically), await db.Identities.CountAsync());
        }

        var duplicates = await VigieProcess.RunAsync("duplicates", "--data", database.DataDirectory, "--json", "--include-linked");
        Assert.True(duplicates.ExitCode == 0, duplicates.Stderr);
        var lines = duplicates.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var linked = lines.Where(l => l.GetProperty("kind").GetString() == "linked").ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, l => Assert.Contains('|', l.GetProperty("localA")[0].GetString()!));
        foreach (var pair in lines.Where(l => l.GetProperty("kind").GetString() == "pair"))
        {
            Assert.NotEqual(pair.GetProperty("identityA").GetString(), pair.GetProperty("identityB").GetString());
            Assert.InRange(pair.GetProperty("score").GetDouble(), 0, 1);
            Assert.Contains(pair.GetProperty("grade").GetString(), new[] { "certain", "probable" });
            Assert.NotEmpty(pair.GetProperty("localA").EnumerateArray());
        }
    }

    [Fact]
    public async Task Import_WithOneBadLine_WritesNothingAndNamesTheLine()
    {
        var (database, _, _, file) = await PrepareAsync(50);
        await using var _ = database;
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        lines.Insert(30, "{\"resourceType\":\"Patient\",\"birthDate\":\"1980-02-30\"}");
        await File.WriteAllLinesAsync(file, lines);
        var import = await VigieProcess.RunAsync("import", file, "--data", database.DataDirectory);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("line 31", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", import.Stderr, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Identities.CountAsync());
    }

    [Fact]
    public async Task Import_MissingFile_FailsClearly()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var import = await VigieProcess.RunAsync("import", Path.Combine(database.DataDirectory, "nope.ndjson"), "--data", database.DataDirectory);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("does not exist", import.Stderr, StringComparison.Ordinal);
    }
}
