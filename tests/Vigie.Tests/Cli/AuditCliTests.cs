using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Cli;

/// <summary>`vigie audit verify` and `vigie audit export` as real processes over a journal written by a real server.</summary>
public sealed class AuditCliTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(VigieTestServer Server, string[] Args)> WithJournalAsync(string provider)
    {
        var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("V-1"));
        for (var i = 0; i < 5; i++)
        {
            await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Admission);
        }

        string[] args = server.Database.PostgresConnectionString is { } pg
            ? ["--data", server.Database.DataDirectory, "--postgres", pg]
            : ["--data", server.Database.DataDirectory];
        return (server, args);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Verify_IntactJournal_ExitsZero_ThenNamesTheFirstModifiedEntry(string provider)
    {
        var (server, args) = await WithJournalAsync(provider);
        await using var _ = server;
        await server.StopAsync();

        var intact = await VigieProcess.RunAsync(["audit", "verify", .. args]);
        Assert.True(intact.ExitCode == 0, intact.Stdout + intact.Stderr);
        Assert.Contains("journal verifies", intact.Stdout, StringComparison.Ordinal);

        await using (var db = server.Database.NewContext())
        {
            var row = await db.JournalEntries.SingleAsync(e => e.Sequence == 3);
            // A new array: EF compares byte[] properties by reference, an in-place change would not be saved.
            var modified = row.Entry.ToArray();
            modified[^1] ^= 0x01;
            row.Entry = modified;
            await db.SaveChangesAsync();
        }

        var tampered = await VigieProcess.RunAsync(["audit", "verify", .. args]);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("#3", tampered.Stdout, StringComparison.Ordinal);
        Assert.Contains("does NOT verify", tampered.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedEntry_ExitsOne()
    {
        var (server, args) = await WithJournalAsync(TestDatabase.Sqlite);
        await using var _ = server;
        await server.StopAsync();
        await using (var db = server.Database.NewContext())
        {
            await db.JournalEntries.Where(e => e.Sequence == 2).ExecuteDeleteAsync();
        }

        var result = await VigieProcess.RunAsync(["audit", "verify", .. args]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("#2", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutKey_IsAUsageErrorNotACrash()
    {
        var empty = Path.Combine(Path.GetTempPath(), "vigie-nokey-" + Guid.NewGuid().ToString("N"));
        var result = await VigieProcess.RunAsync("audit", "verify", "--data", empty);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no journal key", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Export_WritesOneAuditEventPerEntry_AndJournalsTheExport(string provider)
    {
        var (server, args) = await WithJournalAsync(provider);
        await using var _ = server;
        await server.StopAsync();
        long before;
        await using (var db = server.Database.NewContext())
        {
            before = await db.JournalEntries.LongCountAsync();
        }

        var file = Path.Combine(server.Database.DataDirectory, "audit.ndjson");
        var result = await VigieProcess.RunAsync(["audit", "export", .. args, "--out", file]);
        Assert.True(result.ExitCode == 0, result.Stderr);

        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(before + 1, lines.Length); // Everything, plus the export's own entry.
        Assert.All(lines, l => Assert.Equal("AuditEvent", JsonDocument.Parse(l).RootElement.GetProperty("resourceType").GetString()));
        Assert.Equal(5, lines.Count(l => l.Contains("IHE.BasicAudit.PatientRead", StringComparison.Ordinal)));
        Assert.Contains("\"cli:", lines[^1], StringComparison.Ordinal);
    }
}
