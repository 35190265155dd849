using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Tests.Region;

public sealed class RegionBuilderTests
{
    [Fact]
    public void Region_HasEveryRole_WithValidIds()
    {
        var region = RegionBuilder.Build(new RegionOptions { Professionals = 500, Patients = 5_000, Days = 1 });

        Assert.Equal(500, region.Professionals.Count);
        Assert.All(Enum.GetValues<Role>().Where(r => r != Role.None), role => Assert.NotEmpty(region.WithRole(role)));
        Assert.All(region.Professionals, p => Assert.True(NationalId.Parse(p.Id.Value).Success, p.Id.Value));
        Assert.Equal(500, region.Professionals.Select(p => p.Id).Distinct().Count());
        Assert.All(region.Establishments, e => Assert.True(Finess.Parse(e.Finess.Value).Success));
    }

    [Fact]
    public void EveryEstablishment_HasCanaries_AndStaff()
    {
        var region = SmallRegion.Region;
        foreach (var e in region.Establishments)
        {
            Assert.True(region.Patients.Count(p => p.Canary && p.Establishments.Contains(e.Finess)) >= 3, e.Name);
            Assert.Contains(region.Professionals, p => p.Establishment == e);
        }
    }

    [Fact]
    public void Canaries_LookLikePatients_ButNoSearchForARealPatientCanReturnOne()
    {
        var region = SmallRegion.Region;
        var real = region.Patients.Where(p => !p.Canary).ToList();
        var canaries = region.Patients.Where(p => p.Canary).ToList();
        var realNames = real.Select(p => (p.Family, p.Given, p.Sex)).ToHashSet();
        var realBirths = real.Select(p => (p.Family, p.BirthDate)).ToHashSet();
        var commonSurnames = real.Select(p => p.Family).ToHashSet(StringComparer.Ordinal);

        Assert.All(canaries, c =>
        {
            Assert.Contains(c.Family, commonSurnames);
            Assert.DoesNotContain((c.Family, c.Given, c.Sex), realNames);
            Assert.DoesNotContain((c.Family, c.BirthDate), realBirths);
        });

        // The registry matches names by prefix (MARTIN finds MARTINEZ, LEA finds LEANNE): the searches a professional
        // makes for each real patient, answered that way, still never find a canary, even with the birth date
        // mistyped as the desks of the simulation do (a day off) or with day and month swapped.
        var search = new RequestBuilder(region);
        var establishment = region.Establishments[0].Finess;
        Assert.All(real, p =>
        {
            var byBirth = RequestBuilder.FamilyBirth(p, withGiven: false, exact: false);
            var slips = BirthDateSlips.Of(p.BirthDate).Select(d => byBirth with { BirthDate = d });
            foreach (var query in slips.Concat([RequestBuilder.FamilyGivenGender(p), RequestBuilder.FamilyBirth(p, withGiven: true, exact: false)]))
            {
                Assert.DoesNotContain(search.Results(query, establishment) ?? [], i => region.Patients[i].Canary);
            }
        });
    }

    [Fact]
    public void NoCanary_IsBornADayOffFromARealPatientOfItsSurname_AtBenchmarkScale()
    {
        // Found on the 30-day benchmark's region of seed 2: a desk searching DELAVAL born 1984-03-01 for a patient born
        // the 2nd found a canary DELAVAL born the 1st, and the desk's account was suspended.
        var region = RegionBuilder.Build(new RegionOptions { Seed = 2, Days = 1, Professionals = 20, Patients = 50_000 });
        var births = region.Patients.Where(p => !p.Canary).Select(p => (p.Family, p.BirthDate)).ToHashSet();

        var collisions = region.Patients.Where(p => p.Canary)
            .SelectMany(c => BirthDateSlips.Of(c.BirthDate).Select(d => (c.Family, d)))
            .Where(births.Contains)
            .ToList();

        Assert.Empty(collisions);
    }

    private static int IndexOf(SyntheticRegion region, RegionPatient patient) =>
        Enumerable.Range(0, region.Patients.Count).First(i => ReferenceEquals(region.Patients[i], patient));

    [Fact]
    public void Search_FollowsTheRegistrysPdqmRules_PrefixUsedNameAndEveryGivenName()
    {
        var region = SmallRegion.Region;
        var search = new RequestBuilder(region);
        var establishment = region.Establishments[0].Finess;
        var married = region.Patients.First(p => !p.Canary && p.UsedName is { Length: > 3 } used && used != p.Family);
        var second = region.Patients.First(p => !p.Canary && p.GivenNames?.Split(' ').Length > 1);
        var secondGiven = second.GivenNames!.Split(' ')[1];
        var marriedIndex = IndexOf(region, married);
        var secondIndex = IndexOf(region, second);

        // family matches the used name too, and by prefix; :exact needs the whole name.
        Assert.Contains(marriedIndex, search.Results(new TraceQuery(married.UsedName, false, null, false, married.BirthDate, null, null), establishment) ?? []);
        Assert.Contains(marriedIndex, search.Results(new TraceQuery(married.Family[..3], false, null, false, married.BirthDate, null, null), establishment) ?? []);
        Assert.DoesNotContain(marriedIndex, search.Results(new TraceQuery(married.Family[..3], true, null, false, married.BirthDate, null, null), establishment) ?? []);

        // given matches any given name, by prefix unless :exact.
        var gender = RequestBuilder.Gender(second.Sex);
        Assert.Contains(secondIndex, search.Results(new TraceQuery(second.Family, false, secondGiven, false, second.BirthDate, gender, null), establishment) ?? []);
        Assert.Contains(secondIndex, search.Results(new TraceQuery(second.Family, false, secondGiven[..2], false, second.BirthDate, gender, null), establishment) ?? []);
        Assert.DoesNotContain(secondIndex, search.Results(new TraceQuery(second.Family, false, secondGiven[..2], true, second.BirthDate, gender, null), establishment) ?? []);
    }

    [Fact]
    public void DuplicatesAcrossEstablishments_BecomeSeveralCareLinks() =>
        Assert.Contains(SmallRegion.Region.Patients, p => p.Establishments.Count > 1);

    [Fact]
    public void SameOptions_GiveTheSameRegion()
    {
        var options = new RegionOptions { Seed = 3, Professionals = 40, Patients = 2_000, Days = 1 };
        var first = RegionBuilder.Build(options);
        var second = RegionBuilder.Build(options);

        Assert.Equal(first.Professionals.Select(p => (p.Id, p.Establishment.Finess, p.Role, p.Workstation, p.UserAgent, p.Activity, p.Home)),
            second.Professionals.Select(p => (p.Id, p.Establishment.Finess, p.Role, p.Workstation, p.UserAgent, p.Activity, p.Home)));
        Assert.Equal(first.Patients.Select(p => (p.Id, p.Family, p.Canary)), second.Patients.Select(p => (p.Id, p.Family, p.Canary)));
    }
}
