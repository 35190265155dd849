using System.Text;
using System.Text.Json;
using Vigie.Core.Detection;
using Vigie.Simulation.Replay;
using Vigie.Simulation.Scoring;
using Vigie.Simulation.Tests.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Replay;

public sealed class TraceReplayTests
{
    private static (string? Error, List<JsonElement> Lines) Replay(string trace, string patients = "id,establishments,canary\np-1,590780193,false\np-2,620000022,false\np-c,590780193,true\n")
    {
        var table = PatientTable.Read(new StringReader(patients)).Value;
        using var output = new MemoryStream();
        var error = TraceReplay.Run(new MemoryStream(Encoding.UTF8.GetBytes(trace)), table, new RiskEngine(), output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (error, lines);
    }

    private static string Read(int minute, string patient, string session = "s") =>
        $$"""{"time":"2026-03-02T09:{{minute:D2}}:00Z","professional":"810000000001","establishment":"590780193","role":"nurse","session":"{{session}}","ip":"193.48.1.2","userAgent":"UA","action":"read","patients":["{{patient}}"],"categories":["identity"],"purpose":null}""";

    [Fact]
    public void EveryInputLine_GetsOneDecisionLine_InOrder()
    {
        var (error, lines) = Replay(string.Join("\n", Read(0, "p-1"), Read(1, "p-2"), Read(2, "p-c"), Read(3, "p-1")) + "\n");

        Assert.Null(error);
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal(["allow", "allow", "block", "block"], lines.Select(l => l.GetProperty("decision").GetString()));
        Assert.Equal(["canary"], lines[2].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(lines[0].GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public void MalformedLine_StopsTheReplay_NamingTheLine()
    {
        var (error, lines) = Replay(Read(0, "p-1") + "\n{oops\n" + Read(2, "p-1"));

        Assert.StartsWith("line 2: invalid JSON", error, StringComparison.Ordinal);
        Assert.Single(lines);
    }

    [Fact]
    public void Environment_LetsLegitimateUsersPassStepUps_NotAttackers()
    {
        var attackers = SmallRegion.AttackerSessions;
        var environment = new ReplayEnvironment(new RiskEngine(new DetectionOptions { TimeZone = SmallRegion.Region.TimeZone }), SmallRegion.Region, attackers, TimeSpan.FromHours(4));
        var stepUps = new Dictionary<string, List<RiskLevel>>(StringComparer.Ordinal);
        foreach (var e in SmallRegion.Events)
        {
            var level = environment.Decide(e.Access).Level;
            if (stepUps.TryGetValue(e.Access.Session, out var after))
            {
                after.Add(level);
            }
            else if (level == RiskLevel.StepUp)
            {
                stepUps[e.Access.Session] = [];
            }
        }

        var legitimate = stepUps.Where(s => !attackers.Contains(s.Key) && s.Value.Count > 0).ToList();
        var hostile = stepUps.Where(s => attackers.Contains(s.Key) && s.Value.Count > 0).ToList();
        Assert.All(legitimate, s => Assert.Equal(RiskLevel.Allow, s.Value[0]));
        Assert.NotEmpty(hostile);
        Assert.All(hostile, s => Assert.DoesNotContain(RiskLevel.Allow, s.Value));
    }

    [Fact]
    public void SmallRegion_EveryAttackIsContained_AndLegitimateWorkRarelyInterrupted()
    {
        var environment = new ReplayEnvironment(new RiskEngine(new DetectionOptions { TimeZone = SmallRegion.Region.TimeZone }), SmallRegion.Region, SmallRegion.AttackerSessions, TimeSpan.FromHours(4));
        var scorer = new DetectionScorer(SmallRegion.Simulator.Labels, SmallRegion.Region.TimeZone);
        foreach (var e in SmallRegion.Events)
        {
            scorer.Add(e.Access, environment.Decide(e.Access).Level);
        }

        var score = scorer.Result();
        Assert.All(score.Playbooks, p => Assert.Equal(0, p.Uncontained));
        Assert.True(score.WorstExposure <= 100, $"worst {score.WorstExposure}");
        Assert.True(score.Friction.BystanderStepUpsPer100 <= 2, $"{score.Friction}");
        Assert.Equal(0, score.Friction.HardBlockDays - score.Friction.VictimHardBlockDays);
    }
}
