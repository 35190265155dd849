using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Demo;

/// <summary>`vigie demo --exit` as a real process on a small region: the whole scenario, then its summary.</summary>
public sealed class DemoCliTests
{
    [Fact]
    public async Task Demo_Exit_ContainsTheAttack_ScopesExactly_NotifiesAndVerifies()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        var data = Path.Combine(database.DataDirectory, "demo");
        var run = await VigieProcess.RunAsync("demo", "--data", data, "--exit", "--urls", "http://127.0.0.1:" + VigieServerProcess.FreePort(),
            "--patients", "4000", "--professionals", "40", "--establishments", "2", "--history-days", "3", "--usurped-accounts", "2", "--seed", "42");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("== Résumé", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("journal vérifié : oui", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("JAMAIS", run.Stdout, StringComparison.Ordinal);

        // The incident folder holds the drafts and the report, and every email the run reports sent is in the local mailbox.
        Assert.True(File.Exists(Path.Combine(data, "incident", "declarations.json")));
        Assert.Contains("<html", await File.ReadAllTextAsync(Path.Combine(data, "incident", "rapport.html")), StringComparison.OrdinalIgnoreCase);
        var mailbox = Path.Combine(data, "notices", "boite-locale", "patients");
        var emails = Directory.Exists(mailbox) ? Directory.GetFiles(mailbox, "*.eml").Length : 0;
        Assert.Contains($"dont {emails} courriel(s)", run.Stdout, StringComparison.Ordinal);

        // Each contained account's owner was told by email, through the demo's local mailbox.
        var owners = Directory.GetFiles(Path.Combine(data, "notices", "boite-locale", "professionnels"), "*.eml").Length;
        Assert.True(owners > 0, run.Stdout);
        Assert.Contains($"(« était-ce vous ? ») : {owners}", run.Stdout, StringComparison.Ordinal);

        // The server's log went to the data directory, not to the console the scenario is shown on.
        Assert.True(new FileInfo(Path.Combine(data, "logs", "vigie.jsonl")).Length > 0);
        Assert.DoesNotContain("\"LogLevel\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_NonEmptyDataDirectory_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        await File.WriteAllTextAsync(Path.Combine(database.DataDirectory, "something"), "x");
        var run = await VigieProcess.RunAsync("demo", "--data", database.DataDirectory, "--exit");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not empty", run.Stderr, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Demo_Playbooks_PlaysSimulatePlaybooksLive_AndScoresEachOne()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        var data = Path.Combine(database.DataDirectory, "demo");
        var run = await VigieProcess.RunAsync("demo", "--data", data, "--exit", "--urls", "http://127.0.0.1:" + VigieServerProcess.FreePort(),
            "--patients", "4000", "--professionals", "40", "--establishments", "2", "--history-days", "3", "--playbooks", "bulk,night,targeted", "--seed", "42");

        // Exit 0 means every attacker session was contained, the scope was exact and the journal verified.
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("attaque « bulk » : 1 session(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("attaque « night » : 1 session(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("attaque « targeted » : 1 session(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("jamais confinée(s) : 0", run.Stdout, StringComparison.Ordinal);

        // A script that stops at its step-up is alerted on too, so the incident opened from the alerts takes it in.
        Assert.DoesNotContain("sans alerte", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("september", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("harvest", "unknown playbook 'harvest'")]
    [InlineData(",", "names at least one playbook")]
    public async Task Demo_BadPlaybooks_AreRefused_BeforeAnythingIsCreated(string playbooks, string message)
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite, migrate: false);
        var data = Path.Combine(database.DataDirectory, "demo");
        var run = await VigieProcess.RunAsync("demo", "--data", data, "--exit", "--playbooks", playbooks);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }
}
