using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Simulation.Scoring;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Scoring;

/// <summary>The definitions, on hand-built traces.</summary>
public sealed class DetectionScorerTests
{
    private static readonly NationalId Victim = new("810000000001");
    private static readonly NationalId Bystander = new("810000000002");
    private static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static AccessEvent E(NationalId who, string session, DateTimeOffset time, params string[] patients) =>
        new(time, who, new Finess("590780193"), Role.Nurse, session, null, null, AccessAction.Read, null, [.. patients.Select(p => new PatientId(p))], ContactCategories.None, null);

    private static DetectionScorer Scorer() => new([new AttackLabel("atk", Victim, "bulk", "bulk-1"), new AttackLabel("atk2", Victim, "bulk", "bulk-1")], TimeZoneInfo.Utc);

    [Fact]
    public void Exposure_CountsDistinctPatients_DisclosedBeforeTheFirstNonAllow()
    {
        var scorer = Scorer();
        scorer.Add(E(Victim, "atk", T, "p1", "p2"), RiskLevel.Allow);
        scorer.Add(E(Victim, "atk", T.AddMinutes(1), "p2", "p3"), RiskLevel.Allow);
        scorer.Add(E(Victim, "atk", T.AddMinutes(2), "p4"), RiskLevel.StepUp);
        scorer.Add(E(Victim, "atk", T.AddMinutes(3), "p5"), RiskLevel.Allow);

        var session = Assert.Single(scorer.Result().Sessions);
        Assert.Equal(3, session.Exposure);
        Assert.Equal(TimeSpan.FromMinutes(2), session.TimeToContainment);
        Assert.Equal("step-up", session.FirstDecision);
        Assert.Equal(4, session.Requests);
    }

    [Fact]
    public void SessionNeverContained_CountsEverythingAllowed_AndHasNoTimeToContainment()
    {
        var scorer = Scorer();
        scorer.Add(E(Victim, "atk", T, "p1"), RiskLevel.Allow);
        scorer.Add(E(Victim, "atk", T.AddMinutes(1), "p2"), RiskLevel.Allow);

        var playbook = Assert.Single(scorer.Result().Playbooks);
        Assert.Equal((2, 1, (TimeSpan?)null), (playbook.MaxExposure, playbook.Uncontained, playbook.MedianTimeToContainment));
    }

    [Fact]
    public void Playbook_SumsUpItsSessions()
    {
        var scorer = Scorer();
        scorer.Add(E(Victim, "atk", T, "p1", "p2", "p3"), RiskLevel.Allow);
        scorer.Add(E(Victim, "atk", T.AddMinutes(1)), RiskLevel.SuspendSession);
        scorer.Add(E(Victim, "atk2", T, "p1"), RiskLevel.Throttle);

        var playbook = Assert.Single(scorer.Result().Playbooks);
        Assert.Equal((2, 1.5, 3, 3, 0), (playbook.Sessions, playbook.MedianExposure, playbook.MaxExposure, playbook.TotalExposure, playbook.Uncontained));
    }

    [Fact]
    public void Friction_IsPerUserDay_StepUpsAndHardBlocksApart_VictimsShownApart()
    {
        var scorer = Scorer();
        scorer.Add(E(Bystander, "a", T, "p1"), RiskLevel.StepUp);
        scorer.Add(E(Bystander, "a", T.AddHours(1), "p1"), RiskLevel.StepUp);
        scorer.Add(E(Bystander, "b", T.AddDays(1), "p1"), RiskLevel.Allow);
        scorer.Add(E(Bystander, "c", T.AddDays(2), "p1"), RiskLevel.Throttle);
        scorer.Add(E(Victim, "own", T, "p1"), RiskLevel.SuspendAccount);
        scorer.Add(E(Victim, "atk", T, "p9"), RiskLevel.SuspendAccount);

        var friction = scorer.Result().Friction;
        Assert.Equal(new FrictionScore(UserDays: 4, StepUpDays: 1, HardBlockDays: 2, VictimUserDays: 1, VictimStepUpDays: 0, VictimHardBlockDays: 1), friction);
        Assert.Equal(25, friction.StepUpsPer100);
        Assert.Equal(5000, friction.HardBlocksPer10000);
        Assert.Equal(100.0 / 3, friction.BystanderStepUpsPer100, 1e-9);
    }

    [Fact]
    public void UserDays_AreLocalCalendarDays()
    {
        var paris = Simulation.Region.RegionBuilder.ParisTime();
        var scorer = new DetectionScorer([], paris);
        scorer.Add(E(Bystander, "a", new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero), "p1"), RiskLevel.Allow);
        scorer.Add(E(Bystander, "a", new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), "p1"), RiskLevel.Allow);

        Assert.Equal(paris == TimeZoneInfo.Utc ? 1 : 2, scorer.Result().Friction.UserDays);
    }

    [Fact]
    public void ReplayNames_ScoreLikeLevels()
    {
        var scorer = Scorer();
        scorer.Add(E(Victim, "atk", T, "p1"), "allow");
        scorer.Add(E(Victim, "atk", T.AddMinutes(1), "p2"), "block");

        Assert.Equal("block", Assert.Single(scorer.Result().Sessions).FirstDecision);
        Assert.Throws<ArgumentException>(() => scorer.Add(E(Victim, "atk", T, "p1"), "maybe"));
    }

    [Fact]
    public void MedianAcrossPlaybooks_AndWorstSession()
    {
        var scorer = new DetectionScorer([new("a", Victim, "bulk", "bulk-1"), new("b", Victim, "drip", "drip-1"), new("c", Victim, "night", "night-1")], TimeZoneInfo.Utc);
        scorer.Add(E(Victim, "a", T, "p1"), RiskLevel.Allow);
        scorer.Add(E(Victim, "b", T, "p1", "p2", "p3"), RiskLevel.Allow);
        scorer.Add(E(Victim, "c", T, "p1", "p2", "p3", "p4", "p5", "p6", "p7"), RiskLevel.Allow);

        var result = scorer.Result();
        Assert.Equal(3, result.MedianExposureAcrossPlaybooks);
        Assert.Equal(7, result.WorstExposure);
    }

    [Fact]
    public void Friction_PooledOverRuns_AddsCounts_SoRatesAreOverAllUserDays()
    {
        var pooled = FrictionScore.Pool([
            new FrictionScore(UserDays: 9_000, StepUpDays: 30, HardBlockDays: 2, VictimUserDays: 900, VictimStepUpDays: 9, VictimHardBlockDays: 2),
            new FrictionScore(UserDays: 11_000, StepUpDays: 50, HardBlockDays: 0, VictimUserDays: 1_100, VictimStepUpDays: 1, VictimHardBlockDays: 0),
        ]);

        Assert.Equal(new FrictionScore(20_000, 80, 2, 2_000, 10, 2), pooled);
        Assert.Equal(1.0, pooled.HardBlocksPer10000, 6);
        Assert.Equal(0.4, pooled.StepUpsPer100, 6);
        Assert.Equal(0.0, pooled.BystanderHardBlocksPer10000);
    }

    [Fact]
    public void Friction_PooledOverNoRun_IsEmpty() => Assert.Equal(0, FrictionScore.Pool([]).HardBlocksPer10000);
}
