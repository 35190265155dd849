using System.Text.Json;
using Vigie.Tests.Support;

namespace Vigie.Tests.Cli;

/// <summary>`vigie simulate` and `vigie replay` as real processes: files, formats, reproducibility, clear errors.</summary>
public sealed class DetectionCliTests : IDisposable
{
    private const string IssueLine = """{"time":"2026-03-02T08:15:03Z","professional":"10001234567","establishment":"590780193","role":"admission","session":"s-8f2","ip":"10.1.2.3","userAgent":"...","action":"search","query":{"family":"DUPONT","given":"JEAN","birthdate":"1980-05-17"},"patients":["p-123"],"categories":["identity","phone","email","address"],"purpose":null}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("vigie-detection-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static void NoStackTrace(VigieProcess.Result result) => Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);

    private Task<VigieProcess.Result> Simulate(string output, int seed = 9) =>
        VigieProcess.RunAsync("simulate", "--out", output, "--days", "2", "--professionals", "30", "--patients", "2000", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--attacks-per-playbook", "1");

    [Fact]
    public async Task Simulate_ThenReplay_WritesOneDecisionPerInputLine_InOrder()
    {
        var simulated = await Simulate(PathOf("sim"));
        Assert.True(simulated.ExitCode == 0, simulated.Stderr);
        Assert.Equal("id,establishments,canary", File.ReadLines(PathOf("sim/patients.csv")).First());
        Assert.Equal("session,professional,playbook,attack", File.ReadLines(PathOf("sim/labels.csv")).First());
        Assert.True(File.ReadLines(PathOf("sim/labels.csv")).Count() > 7);

        var replayed = await VigieProcess.RunAsync("replay", "--trace", PathOf("sim/events.jsonl"), "--patients", PathOf("sim/patients.csv"), "--out", PathOf("decisions.jsonl"));
        Assert.True(replayed.ExitCode == 0, replayed.Stderr);
        Assert.StartsWith("replayed ", replayed.Stderr, StringComparison.Ordinal);

        var inputs = File.ReadLines(PathOf("sim/events.jsonl")).Count();
        var decisions = File.ReadLines(PathOf("decisions.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(inputs, decisions.Count);
        Assert.Equal(Enumerable.Range(1, inputs), decisions.Select(d => d.GetProperty("line").GetInt32()));
        Assert.All(decisions, d => Assert.Contains(d.GetProperty("decision").GetString(), new[] { "allow", "step-up", "throttle", "block" }));
        Assert.Contains(decisions, d => d.GetProperty("decision").GetString() != "allow");
        Assert.All(decisions, d => Assert.Equal(JsonValueKind.Array, d.GetProperty("reasons").ValueKind));
    }

    [Fact]
    public async Task Simulate_WithTheSameSeed_WritesTheSameFiles()
    {
        Assert.Equal(0, (await Simulate(PathOf("a"))).ExitCode);
        Assert.Equal(0, (await Simulate(PathOf("b"))).ExitCode);

        foreach (var file in new[] { "events.jsonl", "patients.csv", "labels.csv" })
        {
            Assert.Equal(File.ReadAllBytes(PathOf("a/" + file)), File.ReadAllBytes(PathOf("b/" + file)));
        }
    }

    [Fact]
    public async Task Replay_OfTheIssuesExample_Allows()
    {
        await File.WriteAllTextAsync(PathOf("events.jsonl"), IssueLine + "\n");
        await File.WriteAllTextAsync(PathOf("patients.csv"), "id,establishments,canary\np-123,590780193,false\n");

        var result = await VigieProcess.RunAsync("replay", "--trace", PathOf("events.jsonl"), "--patients", PathOf("patients.csv"), "--out", PathOf("out.jsonl"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("""{"line":1,"decision":"allow","reasons":[]}""", (await File.ReadAllTextAsync(PathOf("out.jsonl"))).Trim());
    }

    [Fact]
    public async Task Replay_MalformedTraceLine_FailsNamingIt_WithoutStackTraceOrOutput()
    {
        await File.WriteAllTextAsync(PathOf("events.jsonl"), IssueLine + "\n{\"time\":\"2026-03-02T08:16:00Z\"}\n");
        await File.WriteAllTextAsync(PathOf("patients.csv"), "id,establishments,canary\np-123,590780193,false\n");

        var result = await VigieProcess.RunAsync("replay", "--trace", PathOf("events.jsonl"), "--patients", PathOf("patients.csv"), "--out", PathOf("out.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: events.jsonl line 2: 'professional' is missing", result.Stderr.Trim());
        NoStackTrace(result);
        Assert.False(File.Exists(PathOf("out.jsonl")));
        Assert.False(File.Exists(PathOf("out.jsonl.partial")));
    }

    [Fact]
    public async Task Replay_MalformedPatientsFile_FailsNamingTheLine()
    {
        await File.WriteAllTextAsync(PathOf("events.jsonl"), IssueLine + "\n");
        await File.WriteAllTextAsync(PathOf("patients.csv"), "id,establishments,canary\np-123,590780193,perhaps\n");

        var result = await VigieProcess.RunAsync("replay", "--trace", PathOf("events.jsonl"), "--patients", PathOf("patients.csv"), "--out", PathOf("out.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: patients.csv line 2: canary is true or false", result.Stderr.Trim());
        NoStackTrace(result);
    }

    [Fact]
    public async Task Replay_MissingTrace_FailsClearly()
    {
        var result = await VigieProcess.RunAsync("replay", "--trace", PathOf("nothing.jsonl"), "--patients", PathOf("nothing.csv"), "--out", PathOf("out.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("--playbooks", "bulk,phishing", "unknown playbook 'phishing'")]
    [InlineData("--days", "0", "--days is out of range")]
    [InlineData("--start", "02/03/2026", "--start is a date")]
    public async Task Simulate_WithBadOptions_FailsClearly(string option, string value, string message)
    {
        var result = await VigieProcess.RunAsync("simulate", "--out", PathOf("x"), "--professionals", "30", "--patients", "2000", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public async Task Replay_WithAThresholdsFile_DecidesWithThem()
    {
        Assert.Equal(0, (await Simulate(PathOf("sim"))).ExitCode);
        await File.WriteAllTextAsync(PathOf("lenient.json"), """{ "stepUpScore": 1000, "overwhelmingScore": 2000 }""");
        var replay = (string output, string[] more) => VigieProcess.RunAsync(
            ["replay", "--trace", PathOf("sim/events.jsonl"), "--patients", PathOf("sim/patients.csv"), "--out", PathOf(output), .. more]);

        Assert.Equal(0, (await replay("default.jsonl", [])).ExitCode);
        var lenient = await replay("lenient.jsonl", ["--thresholds", PathOf("lenient.json")]);
        Assert.True(lenient.ExitCode == 0, lenient.Stderr);

        int StepUps(string file) => File.ReadLines(PathOf(file)).Count(l => l.Contains("\"decision\":\"step-up\"", StringComparison.Ordinal));
        Assert.True(StepUps("default.jsonl") > 0);
        Assert.True(StepUps("lenient.jsonl") < StepUps("default.jsonl"), "a far higher step-up score asks fewer step-ups");
    }

    [Fact]
    public async Task Thresholds_PrintsTheDefaults_AndAFilesValuesAppliedToThem()
    {
        var defaults = await VigieProcess.RunAsync("thresholds");
        Assert.True(defaults.ExitCode == 0, defaults.Stderr);
        Assert.Equal(9, JsonDocument.Parse(defaults.Stdout).RootElement.GetProperty("stepUpScore").GetDouble());

        await File.WriteAllTextAsync(PathOf("t.json"), """{ "stepUpScore": 11 }""");
        var applied = await VigieProcess.RunAsync("thresholds", "--file", PathOf("t.json"));
        Assert.True(applied.ExitCode == 0, applied.Stderr);
        var root = JsonDocument.Parse(applied.Stdout).RootElement;
        Assert.Equal(11, root.GetProperty("stepUpScore").GetDouble());
        Assert.Equal("00:10:00", root.GetProperty("stepUpUnansweredAlert").GetString());
    }

    [Theory]
    [InlineData("thresholds", "--file")]
    [InlineData("replay", "--thresholds")]
    [InlineData("serve", "--detection-thresholds")]
    public async Task ABadThresholdsFile_IsRefusedBeforeAnythingRuns_NamingTheKey(string verb, string option)
    {
        await File.WriteAllTextAsync(PathOf("bad.json"), """{ "stepUpScore": 9, "stepupscores": 3 }""");
        string[] rest = verb switch
        {
            "replay" => ["--trace", PathOf("none.jsonl"), "--patients", PathOf("none.csv"), "--out", PathOf("out.jsonl")],
            "serve" => ["--data", PathOf("data"), "--urls", "http://127.0.0.1:0"],
            _ => [],
        };

        var result = await VigieProcess.RunAsync([verb, option, PathOf("bad.json"), .. rest]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: " + option + " bad.json has an unknown threshold 'stepupscores'", result.Stderr, StringComparison.Ordinal);
        NoStackTrace(result);
        Assert.False(File.Exists(PathOf("out.jsonl")));
        Assert.False(Directory.Exists(PathOf("data")), "nothing is created before the thresholds are checked");
    }
}
