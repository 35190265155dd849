using Vigie.Core.Access;
using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Tests.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Playbooks;

/// <summary>Each playbook plays out as its description says, and is labelled for scoring.</summary>
public sealed class PlaybookTests
{
    private static List<TraceEvent> Of(string playbook)
    {
        var sessions = SmallRegion.Simulator.Labels.Where(l => l.Playbook == playbook).Select(l => l.Session).ToHashSet(StringComparer.Ordinal);
        return [.. SmallRegion.Events.Where(e => sessions.Contains(e.Access.Session))];
    }

    private static NationalId Victim(string playbook) => SmallRegion.Simulator.Labels.First(l => l.Playbook == playbook).Professional;

    [Fact]
    public void EveryPlaybook_IsPlayed_AndLabelled()
    {
        Assert.Equal(Playbook.All, SmallRegion.Simulator.Labels.Select(l => l.Playbook).Distinct());
        Assert.All(Playbook.All, p => Assert.NotEmpty(Of(p)));
    }

    [Fact]
    public void Bulk_SweepsCommonNamesFromANewNetwork_AtScriptSpeed()
    {
        var bulk = Of(Playbook.Bulk);
        var victim = SmallRegion.Region.Professionals.Single(p => p.Id == Victim(Playbook.Bulk));

        Assert.All(bulk, e => Assert.NotEqual(victim.Workstation, e.Access.ClientIp));
        Assert.True(bulk.Count > 1000);
        Assert.Contains(bulk, e => e.Query is { Family: not null, Given: not null, Gender: not null, BirthDate: null });
    }

    [Fact]
    public void Drip_RunsFiveWorkingDays_InWorkingHours_Slowly()
    {
        var drip = Of(Playbook.Drip);
        var days = drip.Select(e => SmallRegion.Local(e).Date).Distinct().ToList();

        Assert.Equal(5, days.Count);
        Assert.All(days, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.All(drip, e => Assert.InRange(SmallRegion.Local(e).Hour, 9, 17));
        Assert.InRange(drip.Count / 5, 80, 400);
    }

    [Fact]
    public void Staggered_UsesTenAccounts_StartingHoursApart()
    {
        var labels = SmallRegion.Simulator.Labels.Where(l => l.Playbook == Playbook.Staggered).ToList();
        var starts = labels.Select(l => SmallRegion.Events.First(e => e.Access.Session == l.Session).Access.Time).Order().ToList();

        Assert.Equal(10, labels.Select(l => l.Professional).Distinct().Count());
        Assert.All(starts.Zip(starts.Skip(1)), p => Assert.InRange((p.Second - p.First).TotalHours, 5.9, 14.1));
    }

    [Fact]
    public void Targeted_SearchesWithExactTraits()
    {
        var searches = Of(Playbook.Targeted).Where(e => e.Access.Action == AccessAction.Search).ToList();

        Assert.All(searches, e => Assert.True(e.Query is { FamilyExact: true, GivenExact: true, BirthDate: not null }));
        Assert.InRange(searches.Count(e => e.Access.Patients.Count == 0), 10, 120);
    }

    [Fact]
    public void ContactHarvest_ReadsEveryContactCategory()
    {
        var reads = Of(Playbook.Contact).Where(e => e.Access.Action == AccessAction.Read).ToList();

        Assert.NotEmpty(reads);
        Assert.All(reads, e => Assert.Equal(ContactCategories.All, e.Access.Categories));
    }

    [Fact]
    public void NightBurst_ComesAtNight_FromAbroad_GuessingIdentifiersFirst()
    {
        var night = Of(Playbook.Night);

        Assert.All(night, e => Assert.InRange(SmallRegion.Local(e).Hour, 1, 5));
        Assert.All(night.Take(40), e => Assert.NotNull(e.Query?.Identifier));
        Assert.True(night.Select(e => e.Access.ClientIp).Distinct().Count() == 1);
    }

    [Fact]
    public void Infostealer_UsesTheVictimsMachine_WhileTheOwnerWorks()
    {
        var intruder = Of(Playbook.Infostealer);
        var victim = SmallRegion.Region.Professionals.Single(p => p.Id == Victim(Playbook.Infostealer));
        var owner = SmallRegion.Legitimate.Where(e => e.Access.Professional == victim.Id && SmallRegion.Local(e).Date == SmallRegion.Local(intruder[0]).Date).ToList();

        Assert.All(intruder, e => Assert.Equal((victim.Workstation, victim.UserAgent), (e.Access.ClientIp, e.Access.UserAgent)));
        Assert.NotEmpty(owner);
        Assert.Contains(owner, e => e.Access.Time > intruder[0].Access.Time && e.Access.Time < intruder[^1].Access.Time);
        Assert.DoesNotContain(owner, e => e.Access.Session == intruder[0].Access.Session);
    }

    [Fact]
    public void CommonNameSweeps_ReachCanaries()
    {
        var canaries = SmallRegion.Region.Patients.Where(p => p.Canary).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(Of(Playbook.Bulk).Concat(Of(Playbook.Night)).SelectMany(e => e.Access.Patients), p => canaries.Contains(p.Value));
    }

    [Fact]
    public void SameSeed_GivesTheSameTrace_ByteForByte()
    {
        static byte[] Bytes(TraceSimulator simulator)
        {
            using var stream = new MemoryStream();
            using (var writer = new TraceWriter(stream))
            {
                foreach (var e in simulator.Events())
                {
                    writer.Write(e);
                }
            }

            return stream.ToArray();
        }

        var options = SmallRegion.Options with { Days = 3, Professionals = 40, Patients = 3_000 };
        var first = Bytes(new TraceSimulator(Simulation.Region.RegionBuilder.Build(options), Playbook.All, 1));
        var second = Bytes(new TraceSimulator(Simulation.Region.RegionBuilder.Build(options), Playbook.All, 1));
        var other = Bytes(new TraceSimulator(Simulation.Region.RegionBuilder.Build(options with { Seed = 1 }), Playbook.All, 1));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }
    [Fact]
    public void StartingOn_StartsEveryLivePlaybookThatDay_AndStaysWithinItsSpan()
    {
        var options = SmallRegion.Options with { Days = 12, Professionals = 80, Patients = 4_000 };
        var region = Simulation.Region.RegionBuilder.Build(options);
        var start = options.Start.AddDays(4);
        var simulator = TraceSimulator.StartingOn(region, Playbook.Live, 1, 3, start);
        var labels = simulator.Labels.ToDictionary(l => l.Session, l => l.Playbook, StringComparer.Ordinal);
        var attack = simulator.Events().Where(e => labels.ContainsKey(e.Access.Session)).ToList();

        Assert.Equal(Playbook.Live.Order(), labels.Values.Distinct().Order());
        Assert.Equal(3, simulator.Labels.Count(l => l.Playbook == Playbook.September));
        foreach (var group in attack.GroupBy(e => labels[e.Access.Session]))
        {
            var days = group.Select(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Access.Time, region.TimeZone).DateTime)).ToList();
            Assert.True(days.Min() >= start, group.Key);
            Assert.True(days.Max() < start.AddDays(Playbook.SpanDays(group.Key)), group.Key);
        }

        // Every playbook's first request is on the start day (the infostealer's victim is drawn among those on site that day).
        Assert.All(attack.GroupBy(e => labels[e.Access.Session]),
            g => Assert.Equal(start, g.Min(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Access.Time, region.TimeZone).DateTime))));
    }
}
