using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Testing;
using Vigie.Tests.Support;

namespace Vigie.Tests.Incidents;

/// <summary>`vigie incident` through the real executable, on a SQLite data directory holding the recorded attack.</summary>
public sealed class IncidentCliTests
{
    [Fact]
    public async Task OpenScopeListDeclarationsReport_ThroughTheExecutable()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var attack = await IncidentData.WriteAsync(database);
        var data = database.DataDirectory;

        var opened = await VigieProcess.RunAsync("incident", "open", "--data", data, "--session", RecordedAttack.EvilSession1, "--session", RecordedAttack.EvilSession2,
            "--from", IncidentData.From, "--to", IncidentData.To, "--alert", "alert-7", "--detected", "2026-03-04T10:00:00Z", "--title", "Extraction par script");
        Assert.True(opened.ExitCode == 0, opened.Stderr);
        Assert.Equal("INC-1\topened", opened.Stdout.Trim());

        var scope = await VigieProcess.RunAsync("incident", "scope", "--data", data, "--incident", "INC-1", "--json");
        Assert.True(scope.ExitCode == 0, scope.Stderr);
        var json = JsonDocument.Parse(scope.Stdout).RootElement;
        var expected = attack.ReceivedBy(RecordedAttack.EvilSession1, RecordedAttack.EvilSession2);
        Assert.Equal(expected.Keys.Order(), json.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order());
        Assert.All(json.GetProperty("proofs").EnumerateArray(), p => Assert.True(p.GetProperty("verified").GetBoolean()));
        Assert.Equal(attack.Entries.Count, json.GetProperty("checkpoint").GetProperty("treeSize").GetInt64());

        // The shortcut: one professional over a window, no incident needed.
        var shortcut = await VigieProcess.RunAsync("incident", "scope", "--data", data, "--professional", RecordedAttack.Accomplice, "--from", IncidentData.From, "--to", IncidentData.To, "--json", "--no-proofs");
        Assert.True(shortcut.ExitCode == 0, shortcut.Stderr);
        var accomplice = JsonDocument.Parse(shortcut.Stdout).RootElement;
        Assert.Equal(attack.ReceivedBy(RecordedAttack.AccompliceSession).Count, accomplice.GetProperty("summary").GetProperty("people").GetInt32());
        Assert.Equal(JsonValueKind.Null, accomplice.GetProperty("proofs").ValueKind);

        var list = await VigieProcess.RunAsync("incident", "list", "--data", data);
        Assert.StartsWith("INC-1\tOpen\t2026-03-04T10:00Z", list.Stdout, StringComparison.Ordinal);

        var drafts = Path.Combine(data, "drafts");
        var declared = await VigieProcess.RunAsync("incident", "declarations", "--data", data, "--incident", "1", "--out", drafts);
        Assert.True(declared.ExitCode == 0, declared.Stderr);
        var cnil = await File.ReadAllTextAsync(Path.Combine(drafts, "cnil-notification-art33.md"));
        Assert.Contains("**Nombre de personnes concernées** : " + Core.Incidents.FrenchText.Number(expected.Count), cnil, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(drafts, "ars-cert-sante-declaration.md")));
        Assert.Equal(expected.Count, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(drafts, "declarations.json"))).RootElement.GetProperty("cnil").GetProperty("people").GetInt32());

        var reportDirectory = Path.Combine(data, "report");
        var report = await VigieProcess.RunAsync("incident", "report", "--data", data, "--incident", "INC-1", "--out", reportDirectory);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.DoesNotContain("<script", await File.ReadAllTextAsync(Path.Combine(reportDirectory, "report.html")), StringComparison.Ordinal);
        Assert.Equal(expected.Count + 1, (await File.ReadAllLinesAsync(Path.Combine(reportDirectory, "affected.csv"))).Length);
        Assert.True(File.Exists(Path.Combine(reportDirectory, "scope.json")));

        var status = await VigieProcess.RunAsync("incident", "status", "--data", data, "--incident", "INC-1", "--set", "Contained", "--add-professional", RecordedAttack.Accomplice);
        Assert.Equal("INC-1\tContained\t" + RecordedAttack.Accomplice, status.Stdout.Trim());

        // The inputs of `vigie notify`, accepted by the notification module's own reader. A name carrying a web address
        // cannot go into a notice: refused unless left out explicitly, and then listed for a manual follow-up.
        var notices = Path.Combine(data, "notices");
        var unconfigured = await VigieProcess.RunAsync("incident", "notices", "--data", data, "--incident", "INC-1", "--portal", "https://vigie.example.fr/verifier", "--out", notices);
        Assert.Equal(1, unconfigured.ExitCode);
        Assert.Contains("organisation.json", unconfigured.Stderr, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(data, "organisation.json"),
            "{ \"name\": \"GRADeS Hauts-de-France\", \"dpo\": { \"name\": \"Claire Dupuis\", \"email\": \"dpo@gradeshdf.example\", \"phone\": \"03 20 00 00 01\", \"address\": \"1 rue du Test, 59000 Lille\" } }");
        var refusedRun = await VigieProcess.RunAsync("incident", "notices", "--data", data, "--incident", "INC-1", "--portal", "https://vigie.example.fr/verifier", "--out", notices);
        Assert.Equal(1, refusedRun.ExitCode);
        Assert.Contains("--skip-refused", refusedRun.Stderr, StringComparison.Ordinal);
        var written = await VigieProcess.RunAsync("incident", "notices", "--data", data, "--incident", "INC-1", "--portal", "https://vigie.example.fr/verifier", "--short-name", "GRADeS", "--out", notices, "--skip-refused");
        Assert.True(written.ExitCode == 0, written.Stderr);
        var (targets, errors) = await Vigie.Notices.NoticeInputFiles.ReadTargetsAsync(Path.Combine(notices, "targets.jsonl"), default);
        Assert.Empty(errors);
        Assert.Equal(expected.Count - 1, targets.Count);
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(notices, "refused.txt")));
        var facts = await Vigie.Notices.NoticeInputFiles.ReadFactsAsync(Path.Combine(notices, "notice.json"), default);
        Assert.True(facts.Success, facts.Error);
        Assert.Equal(new DateOnly(2026, 3, 4), facts.Value.DetectedOn);

        // What the command line showed was journaled: one entry per patient for the scope, one per person for the report.
        await using var db = database.NewContext();
        var journaled = (await db.JournalEntries.AsNoTracking().Where(e => e.Sequence >= attack.Entries.Count).OrderBy(e => e.Sequence).ToListAsync())
            .Select(r => JournalEntryEncoding.Decode(r.Entry).Value).ToList();
        Assert.Equal(expected.Count, journaled.Count(e => e.Action == JournalAction.AuditQuery && e.Query == "incident=INC-1;view=scope"));
        Assert.Equal(attack.ReceivedBy(RecordedAttack.AccompliceSession).Count, journaled.Count(e => e.Action == JournalAction.AuditQuery && e.Query == "incident=ad-hoc;view=scope"));
        Assert.Equal(expected.Count, journaled.Count(e => e.Action == JournalAction.AuditExport && e.Query == "incident=INC-1;view=report"));
        Assert.Equal(targets.Count, journaled.Count(e => e.Action == JournalAction.AuditExport && e.Query == "incident=INC-1;view=notices"));
        Assert.Contains(journaled, e => e.Query == "incident=INC-1;view=notices" && e.Disclosed.HasFlag(DisclosedData.Phone));
        Assert.All(journaled, e => Assert.StartsWith("cli:", e.Actor.ProfessionalId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_AsPdf_IsPrintedByHeadlessChromium_OrSkippedWithAClearMessage()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await IncidentData.WriteAsync(database);
        var data = database.DataDirectory;
        var opened = await VigieProcess.RunAsync("incident", "open", "--data", data, "--session", RecordedAttack.EvilSession1, "--from", IncidentData.From, "--to", IncidentData.To);
        Assert.True(opened.ExitCode == 0, opened.Stderr);

        var unconfigured = Path.Combine(data, "without-chromium");
        var skipped = await VigieProcess.RunAsync("incident", "report", "--data", data, "--incident", "INC-1", "--out", unconfigured, "--pdf");
        Assert.True(skipped.ExitCode == 0, skipped.Stderr);
        Assert.Contains("report.pdf skipped: no Chromium configured", skipped.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(unconfigured, "report.html")));
        Assert.False(File.Exists(Path.Combine(unconfigured, "report.pdf")));

        var missing = await VigieProcess.RunAsync("incident", "report", "--data", data, "--incident", "INC-1", "--out", unconfigured, "--pdf", "--chromium", "/nonexistent/chromium");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no Chromium at /nonexistent/chromium", missing.Stderr, StringComparison.Ordinal);

        const string Chromium = "/usr/bin/chromium";
        if (!File.Exists(Chromium))
        {
            const string reason = "printing the PDF needs Debian's chromium (apt-get install chromium); .ci/run installs it";
            Assert.True(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI=true but " + reason);
            Assert.Skip(reason);
        }

        var printed = Path.Combine(data, "with-chromium");
        var report = await VigieProcess.RunAsync("incident", "report", "--data", data, "--incident", "INC-1", "--out", printed, "--pdf", "--chromium", Chromium);
        Assert.True(report.ExitCode == 0, report.Stderr);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(printed, "report.pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(pdf.Length > 10_000, $"a report with two charts and a table printed to only {pdf.Length} bytes");
        Assert.Contains(Path.Combine(printed, "report.pdf"), report.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(printed, "*.tmp"));
    }

    [Fact]
    public async Task BadArguments_ExitNonZeroWithAReason()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var data = database.DataDirectory;
        var noSelector = await VigieProcess.RunAsync("incident", "open", "--data", data, "--from", IncidentData.From, "--to", IncidentData.To);
        Assert.Equal(1, noSelector.ExitCode);
        Assert.Contains("name at least one", noSelector.Stderr, StringComparison.Ordinal);

        var badTime = await VigieProcess.RunAsync("incident", "open", "--data", data, "--ip", "192.0.2.1", "--from", "yesterday", "--to", IncidentData.To);
        Assert.NotEqual(0, badTime.ExitCode);
        Assert.Contains("ISO 8601", badTime.Stderr + badTime.Stdout, StringComparison.Ordinal);

        var missing = await VigieProcess.RunAsync("incident", "scope", "--data", data, "--incident", "INC-9", "--json");
        Assert.Equal(2, missing.ExitCode);
    }
}
