using Microsoft.EntityFrameworkCore;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Demo;

/// <summary>`vigie seed` as a real process: the region in the registry, history in the journal, the export files.</summary>
public sealed class SeedCliTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string[] Seed(TestDatabase database, string export, int seed = 7) =>
    [
        "seed", "--data", database.DataDirectory, .. database.PostgresConnectionString is { } cs ? new[] { "--postgres", cs } : [],
        "--patients", "2000", "--establishments", "2", "--professionals", "20", "--history-days", "3", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--export", export,
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Seed_RegistersTheRegion_JournalsHistoryBeforeToday_AndExports(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var export = Path.Combine(database.DataDirectory, "export");
        var run = await VigieProcess.RunAsync(Seed(database, export));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.Establishments.CountAsync());
            Assert.Equal(21, await db.Professionals.CountAsync()); // 20 simulated, plus the demo security officer
            var canaries = await db.Canaries.ToListAsync();
            Assert.NotEmpty(canaries);
            Assert.All(canaries, c => Assert.False(string.IsNullOrEmpty(c.MonitoredEmail) || string.IsNullOrEmpty(c.MonitoredPhone)));
            Assert.Equal(canaries.Count, canaries.Select(c => c.MonitoredEmail).Distinct().Count());
            var identities = await db.Identities.CountAsync();
            Assert.InRange(identities, 1000, 2000 + canaries.Count);
            var canaryIds = canaries.Select(c => c.IdentityId).ToHashSet();
            Assert.Equal(canaries.Count, await db.Identities.CountAsync(i => canaryIds.Contains(i.Id)));

            var history = await db.JournalEntries.CountAsync();
            Assert.True(history > 50, $"only {history} history entries"); // Three days hold at least one working day.
        }

        var patients = await File.ReadAllLinesAsync(Path.Combine(export, "patients.csv"));
        Assert.Equal("id,establishment,ipp_system,ipp,family,given,birthdate,gender,birthplace,phone,email", patients[0]);
        Assert.DoesNotContain("canary", patients[0], StringComparison.OrdinalIgnoreCase);
        await using (var db = database.NewContext())
        {
            var canaryCount = await db.Canaries.CountAsync();
            Assert.Equal(2000 + canaryCount, patients.Length - 1);
            var ids = patients.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
            Assert.Equal(ids.Count, await db.Identities.CountAsync(i => ids.Contains(i.Id)));
        }

        var professionals = await File.ReadAllLinesAsync(Path.Combine(export, "professionals.csv"));
        Assert.Equal("rpps,establishment,role,usual_ip", professionals[0]);
        Assert.Equal(21, professionals.Length);

        var verify = await VigieProcess.RunAsync(["audit", "verify", "--data", database.DataDirectory, .. database.PostgresConnectionString is { } cs ? new[] { "--postgres", cs } : []]);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        var again = await VigieProcess.RunAsync(Seed(database, export));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds a registry", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_SameSeed_SameRegion_SameIds()
    {
        await using var first = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await using var second = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        var a = Path.Combine(first.DataDirectory, "export");
        var b = Path.Combine(second.DataDirectory, "export");
        Assert.Equal(0, (await VigieProcess.RunAsync(Seed(first, a))).ExitCode);
        Assert.Equal(0, (await VigieProcess.RunAsync(Seed(second, b))).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(a, "patients.csv")), await File.ReadAllTextAsync(Path.Combine(b, "patients.csv")));

        var other = Path.Combine(first.DataDirectory, "other");
        await using var third = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        Assert.Equal(0, (await VigieProcess.RunAsync(Seed(third, other, seed: 8))).ExitCode);
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(a, "patients.csv")), await File.ReadAllTextAsync(Path.Combine(other, "patients.csv")));
    }

    [Fact]
    public async Task Seed_BadOptions_AreUsageErrors()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        var days = await VigieProcess.RunAsync("seed", "--data", database.DataDirectory, "--history-days", "0");
        Assert.Equal(2, days.ExitCode);
        Assert.Contains("--history-days", days.Stderr, StringComparison.Ordinal);
        var professionals = await VigieProcess.RunAsync("seed", "--data", database.DataDirectory, "--professionals", "3");
        Assert.Equal(2, professionals.ExitCode);
        Assert.Contains("--professionals", professionals.Stderr, StringComparison.Ordinal);
    }
}
