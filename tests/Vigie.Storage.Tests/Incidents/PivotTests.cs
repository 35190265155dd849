using Vigie.Core.Incidents;
using Vigie.Storage.Incidents;
using Vigie.Testing;

namespace Vigie.Storage.Tests.Incidents;

/// <summary>Pivots propose the other accounts seen from the incident's IPs and user agents, with evidence; they add nothing by themselves.</summary>
public sealed class PivotTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pivots_FromTheAttackerSessions_ProposeTheSecondAccount_ThroughTheAttackerIpAndAgent(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 31);
        using var key = await AttackFixture.WriteAsync(database, attack);
        var scoped = await AttackFixture.ScopeAsync(database, key, AttackFixture.Selectors(accounts: [RecordedAttack.Owner]));

        await using var db = database.NewContext();
        var pivots = await PivotQuery.ComputeAsync(db, scoped, CancellationToken.None);

        // The owner's account was used from the hospital too: the hospital's NAT and browser are shared by every
        // colleague, so with a limit of 3 accounts per value they are reported as too common, not proposed.
        var strict = await PivotQuery.ComputeAsync(db, scoped, CancellationToken.None, maxAccountsPerValue: 3);
        var candidate = Assert.Single(strict.Candidates);
        Assert.Equal(RecordedAttack.Accomplice, candidate.Account);
        Assert.Equal([RecordedAttack.AttackerIp], candidate.SharedIps);
        Assert.Equal([RecordedAttack.AttackerAgent], candidate.SharedUserAgents);
        Assert.Equal(attack.ReceivedBy(RecordedAttack.AccompliceSession).Count, candidate.PatientsIfAdded);
        Assert.Equal(attack.Entries.Count(e => e.Actor.ProfessionalId == RecordedAttack.Accomplice && AttackFixture.Window.Contains(e.Time)), candidate.SharedEntries);
        Assert.Contains(strict.TooCommon, c => c.Kind == PivotKind.ClientIp && c.Value == RecordedAttack.HospitalIp && c.Accounts == RecordedAttack.Colleagues.Length);
        Assert.Contains(strict.TooCommon, c => c.Kind == PivotKind.UserAgent && c.Value == RecordedAttack.Browser);

        // With the default limit, the colleagues met through the hospital's address are proposed as well.
        Assert.Equal(RecordedAttack.Colleagues.Append(RecordedAttack.Accomplice).Order(), pivots.Candidates.Select(c => c.Account).Order());
        Assert.Empty(pivots.TooCommon);
        Assert.DoesNotContain(pivots.Candidates, c => c.Account == RecordedAttack.Owner);
        Assert.Contains(RecordedAttack.AttackerIp, pivots.Ips);
        Assert.Equal(scoped.Scope.Selectors, AttackFixture.Selectors(accounts: [RecordedAttack.Owner]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ContextIndex_CaughtUpConcurrentlyInSmallBatches_EqualsOneCatchUp(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var attack = RecordedAttack.Generate(seed: 41);
        using var key = await AttackFixture.WriteAsync(database, attack);

        async Task CatchUp(int batch)
        {
            await using var db = database.NewContext();
            await ContextIndex.CatchUpAsync(db, CancellationToken.None, batch);
        }

        await Task.WhenAll(CatchUp(500), CatchUp(700), CatchUp(900));
        await using var check = database.NewContext();
        var rows = check.RequestContexts.OrderBy(c => c.Key).ToList();
        Assert.Equal(attack.Entries.Count, rows.Sum(r => r.Entries));
        Assert.Equal(attack.Entries.Count, check.ContextIndexState.Single().IndexedBefore);
        var expected = attack.Entries.Select(e => (e.Actor.ProfessionalId, e.Request.Session, e.Request.ClientIp, e.Request.UserAgent)).Distinct().Count();
        Assert.Equal(expected, rows.Select(r => r.Key).Distinct().Count());
        Assert.All(rows.GroupBy(r => r.Key), g => Assert.Equal(g.Count(), g.Select(r => r.FirstSequence).Distinct().Count()));
        Assert.Equal(0, await ContextIndex.CatchUpAsync(check, CancellationToken.None));
    }
}
