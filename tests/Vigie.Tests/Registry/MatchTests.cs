using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

/// <summary>$match (ITI-119): scores in [0,1], grades, onlyCertainMatches, no contact data.</summary>
public sealed class MatchTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Parameters Query(Patient patient, bool? onlyCertain = null, int? count = null)
    {
        var p = new Parameters();
        p.Parameter.Add(new Parameters.ParameterComponent { Name = "resource", Resource = patient });
        if (onlyCertain is { } c)
        {
            p.Add("onlyCertainMatches", new FhirBoolean(c));
        }

        if (count is { } n)
        {
            p.Add("count", new Integer(n));
        }

        return p;
    }

    private static Patient Described(string family, string given, string birthDate, AdministrativeGender gender = AdministrativeGender.Male) => new()
    {
        Name = [new HumanName { Family = family, Given = [given] }],
        BirthDate = birthDate,
        Gender = gender,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Match_SameTraits_IsCertainWithScore(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("1", given: ["Jean", "Pierre"]));
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(Query(Described("Dupont", "Jean", "1980-05-17"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(bundle!.Entry);
        Assert.Equal(created!.Id, entry.Resource.Id);
        Assert.InRange((double)entry.Search.Score!.Value, 0.0, 1.0);
        Assert.Equal("certain", entry.Search.GetExtensionValue<Code>("http://hl7.org/fhir/StructureDefinition/match-grade").Value);
        Assert.Empty(((Patient)entry.Resource).Telecom);
    }

    [Fact]
    public async Task Match_WithTypoAndTransposedDate_IsFoundButNotCertain()
    {
        await using var server = await VigieTestServer.StartAsync();
        await server.CreateAsync(Patients.Make("1", family: "Dupont", given: ["Jean"], birthDate: "1980-05-07"));
        var (_, bundle) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(Query(Described("Dupond", "Jean", "1980-07-05"))));
        var entry = Assert.Single(bundle!.Entry);
        var grade = entry.Search.GetExtensionValue<Code>("http://hl7.org/fhir/StructureDefinition/match-grade").Value;
        Assert.Contains(grade, new[] { "probable", "possible" });
    }

    [Fact]
    public async Task Match_OnlyCertainMatches_WithUncertainResult_IsEmptyBundle()
    {
        await using var server = await VigieTestServer.StartAsync();
        await server.CreateAsync(Patients.Make("1", family: "Dupont", given: ["Jean"], birthDate: "1980-05-07"));
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(Query(Described("Dupond", "Jean", "1980-07-05"), onlyCertain: true)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bundle!.Entry);
    }

    [Fact]
    public async Task Match_UnrelatedPerson_ReturnsNothing()
    {
        await using var server = await VigieTestServer.StartAsync();
        await server.CreateAsync(Patients.Make("1"));
        var (_, bundle) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(Query(Described("Martin", "Claire", "1975-11-02", AdministrativeGender.Female))));
        Assert.Empty(bundle!.Entry);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task Match_WithCountOutOfRange_Is400(int count)
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(Query(Described("Dupont", "Jean", "1980-05-17"), count: count)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task Match_WithoutResource_Is400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var p = new Parameters();
        p.Add("onlyCertainMatches", new FhirBoolean(true));
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(p));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
