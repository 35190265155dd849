using Vigie.Core.Access;

namespace Vigie.Simulation.Tests.Region;

/// <summary>The legitimate days look like the jobs: every clinical role works, at its hours, in its ways.</summary>
public sealed class LegitimateWorkTests
{
    [Fact]
    public void EveryClinicalRole_HasRequests_SecurityOfficersBrowseNobody()
    {
        var roles = SmallRegion.Legitimate.Select(e => e.Access.Role).ToHashSet();

        Assert.Superset(roles, new HashSet<Role> { Role.Admission, Role.Physician, Role.Nurse, Role.Secretary, Role.IdentityVigilance, Role.Emergency });
        Assert.DoesNotContain(Role.SecurityOfficer, roles);
    }

    [Fact]
    public void AdmissionDesks_AreBusiestInTheMorning()
    {
        var admission = SmallRegion.Legitimate.Where(e => e.Access.Role == Role.Admission).Select(SmallRegion.Local).ToList();

        Assert.True(admission.Count(t => t.Hour is >= 7 and < 11) > admission.Count(t => t.Hour is >= 15 and < 19) * 1.5);
    }

    [Fact]
    public void EmergencyDepartments_WorkAtNight()
    {
        var emergency = SmallRegion.Legitimate.Where(e => e.Access.Role == Role.Emergency).Select(SmallRegion.Local).ToList();

        Assert.True(emergency.Count(t => t.Hour is >= 0 and < 6) > emergency.Count / 10);
    }

    [Fact]
    public void IdentityVigilance_ReviewsInBursts()
    {
        var bursts = SmallRegion.Legitimate.Where(e => e.Access.Role == Role.IdentityVigilance)
            .GroupBy(e => (e.Access.Professional, SmallRegion.Local(e).Date, SmallRegion.Local(e).Hour))
            .Max(g => g.SelectMany(e => e.Access.Patients).Distinct().Count());

        Assert.True(bursts >= 40, $"largest hour: {bursts}");
    }

    [Fact]
    public void BreakTheGlass_IsDeclaredSometimes_ForPatientsNotInCareThere()
    {
        var declared = SmallRegion.Legitimate.Where(e => e.Access.Purpose is not null).ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, e => Assert.False(SmallRegion.Region.TryGet(e.Access.Patients[0], out var facts) && facts.IsLinkedTo(e.Access.Establishment)));
    }

    [Fact]
    public void LegitimateWork_NeverTouchesACanary()
    {
        var canaries = SmallRegion.Region.Patients.Where(p => p.Canary).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(SmallRegion.Legitimate.SelectMany(e => e.Access.Patients), p => canaries.Contains(p.Value));
    }

    [Fact]
    public void LegitimateWork_MixesPatientsInCareAndNot_AndFindsNobodySometimes()
    {
        var reads = SmallRegion.Legitimate.Where(e => e.Access.Action == AccessAction.Read).ToList();
        var unlinked = reads.Count(e => !(SmallRegion.Region.TryGet(e.Access.Patients[0], out var f) && f.IsLinkedTo(e.Access.Establishment)));
        var searches = SmallRegion.Legitimate.Where(e => e.Access.Action == AccessAction.Search).ToList();

        Assert.InRange(unlinked / (double)reads.Count, 0.05, 0.4);
        Assert.InRange(searches.Count(e => e.Access.Patients.Count == 0) / (double)searches.Count, 0.03, 0.4);
    }

    [Fact]
    public void Sessions_NeverOutliveAProSanteConnectSession() =>
        Assert.All(SmallRegion.Legitimate, e => Assert.True(e.Access.Time - e.Access.AuthenticatedAt!.Value < TimeSpan.FromHours(4)));

    [Fact]
    public void Trace_IsSortedByTime() =>
        Assert.True(SmallRegion.Events.Zip(SmallRegion.Events.Skip(1)).All(p => p.First.Access.Time <= p.Second.Access.Time));
}
