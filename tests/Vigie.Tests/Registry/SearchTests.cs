using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

/// <summary>
/// PDQm ITI-78 search semantics. The anti-enumeration rules are switched off here (they are configurable) so that
/// the matching of each parameter can be seen alone; SearchPolicyTests covers the rules, on by default.
/// </summary>
public sealed class SearchTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<VigieTestServer> WithPeopleAsync(string provider)
    {
        var server = await VigieTestServer.StartAsync(provider, settings: s => s with
        {
            Auth = s.Auth with { Policy = s.Auth.Policy with { Search = s.Auth.Policy.Search with { RequireSpecificCriteria = false } } },
        });
        await server.CreateAsync(Patients.Make("1", family: "Dupont", given: ["Jean"], birthDate: "1980-05-17"));
        await server.CreateAsync(Patients.Make("2", family: "Dupontel", given: ["Albert"], birthDate: "1964-01-09"));
        await server.CreateAsync(Patients.Make("3", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female, usedName: "Dupont"));
        await server.CreateAsync(Patients.Make("4", family: "Durand", given: ["Paul"], birthDate: "1980-05-17"));
        return server;
    }

    private static async Task<List<Patient>> SearchAsync(VigieTestServer server, string query, string? token = null)
    {
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?" + query, token ?? server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bundle.BundleType.Searchset, bundle!.Type);
        return bundle.Entry.Select(e => (Patient)e.Resource).ToList();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_FamilyPrefix_MatchesBirthAndUsedNames(string provider)
    {
        await using var server = await WithPeopleAsync(provider);
        var found = await SearchAsync(server, "family=dupon");
        Assert.Equal(["ALBERT", "CLAIRE", "JEAN"], found.Select(p => p.Name[0].Given.First()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_FamilyExact_DoesNotMatchLongerNames(string provider)
    {
        await using var server = await WithPeopleAsync(provider);
        var found = await SearchAsync(server, "family:exact=DUPONT&birthdate=1980-05-17");
        var only = Assert.Single(found);
        Assert.Equal("JEAN", only.Name[0].Given.First());
    }

    [Fact]
    public async Task Search_AccentsAndCaseAreNormalised()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        var found = await SearchAsync(server, "family=D%C3%BBpont&given=j%C3%A9an&gender=male");
        Assert.Single(found);
    }

    [Fact]
    public async Task Search_ByBirthDateRangeAndGender()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        var found = await SearchAsync(server, "birthdate=ge1975-01-01&gender=female");
        Assert.Equal("MARTIN", Assert.Single(found).Name[0].Family);
        Assert.Equal(2, (await SearchAsync(server, "birthdate=1980")).Count);
    }

    [Fact]
    public async Task Search_ByLocalIdentifier()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        var found = await SearchAsync(server, $"identifier={VigieTestServer.IppSystem}|4");
        Assert.Equal("DURAND", Assert.Single(found).Name[0].Family);
    }

    [Fact]
    public async Task Search_ResultsNeverCarryContactData()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        // Even for the admission desk, whose single-patient reads carry contact data.
        var found = await SearchAsync(server, "family=dup", server.Tokens.Admission);
        Assert.NotEmpty(found);
        Assert.All(found, p =>
        {
            Assert.Empty(p.Telecom);
            Assert.Empty(p.Address);
        });
    }

    [Fact]
    public async Task Search_CountLimitsEntries_WhenAllMatchesFit()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        var (_, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=dup&_count=3", server.Tokens.Physician);
        Assert.Equal(3, bundle!.Entry.Count);
        Assert.Equal(3, bundle.Total);
    }
}
