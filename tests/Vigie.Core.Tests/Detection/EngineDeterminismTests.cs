using Vigie.Core.Access;
using Vigie.Core.Detection;

namespace Vigie.Core.Tests.Detection;

public sealed class EngineDeterminismTests
{
    private static List<RiskDecision> Run(Clinic clinic)
    {
        var who = Clinic.Professional(30);
        clinic.Habit(who, days: 14);
        var decisions = new List<RiskDecision>();
        for (var i = 0; i < 50; i++)
        {
            decisions.Add(clinic.Read(who, "s" + (i % 3), Clinic.Day(14, 9).AddMinutes(3 * i), i % 4 == 0 ? Clinic.Remote(i) : Clinic.Local(i), ip: i % 3 == 0 ? "81.250.3.4" : Clinic.Workstation));
        }

        return decisions;
    }

    [Fact]
    public void SameStateAndEvents_GiveTheSameDecisions()
    {
        var first = Run(new Clinic());
        var second = Run(new Clinic());

        Assert.Equal(first.Select(d => (d.Level, string.Join(",", d.Reasons), d.Scores)), second.Select(d => (d.Level, string.Join(",", d.Reasons), d.Scores)));
    }

    [Fact]
    public void Learn_WarmsBaselines_LikeDecidingTheSameHistory()
    {
        var who = Clinic.Professional(31);
        var learnt = new Clinic();
        var decided = new Clinic();
        decided.Habit(who, days: 14);
        foreach (var d in Enumerable.Range(0, 14).Where(d => d % 7 < 5))
        {
            for (var i = 0; i < 20; i++)
            {
                var time = Clinic.Day(d, 9 + (8.0 * i / 20));
                learnt.Engine.Learn(new AccessEvent(time, who, Clinic.Here, Role.Physician, "h" + d, Clinic.Workstation, Clinic.Browser, AccessAction.Read, null, [new Vigie.Core.Identity.PatientId(Clinic.Local(i))], ContactCategories.None, null), learnt);
            }
        }

        var fromLearnt = learnt.Read(who, "s", Clinic.Day(14, 10), Clinic.Local(1));
        var fromDecided = decided.Read(who, "s", Clinic.Day(14, 10), Clinic.Local(1));
        Assert.Equal(0, fromLearnt.Scores.Context);
        Assert.Equal(fromDecided.Scores.Context, fromLearnt.Scores.Context);
        Assert.Equal(RiskLevel.Allow, fromLearnt.Level);
    }
}
