using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Auth;

/// <summary>Anti-enumeration search rules and who may do what, through real HTTP with real tokens.</summary>
public sealed class LeastPrivilegeTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<VigieTestServer> WithDupontsAsync(string provider = TestDatabase.Sqlite)
    {
        var server = await VigieTestServer.StartAsync(provider);
        await server.CreateAsync(Patients.Make("1", family: "Dupont", given: ["Jean"], birthDate: "1980-05-17"));
        await server.CreateAsync(Patients.Make("2", family: "Dupont", given: ["Marie"], birthDate: "1980-05-17", gender: AdministrativeGender.Female));
        await server.CreateAsync(Patients.Make("3", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female));
        return server;
    }

    private static async Task<(HttpStatusCode Status, string? Message)> SearchAsync(VigieTestServer server, string query, string? token = null)
    {
        var (response, body) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?" + query, token ?? server.Tokens.Physician);
        return (response.StatusCode, (body as OperationOutcome)?.Issue[0].Diagnostics);
    }

    [Theory]
    [InlineData("family=DUPONT")]
    [InlineData("birthdate=1980-05-17")]
    [InlineData("family=DUPONT&given=JEAN")]
    [InlineData("family=DUPONT&birthdate=1980")]
    [InlineData("given=JEAN&gender=male&birthdate=1980-05-17")]
    public async Task Search_WithoutASpecificPair_IsRefused(string query)
    {
        await using var server = await WithDupontsAsync();
        var (status, message) = await SearchAsync(server, query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("refine the search", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("family=DU&birthdate=1980-05-17")]
    [InlineData("family=DUPONT&given=J&gender=male")]
    public async Task Search_WithPrefixShorterThan3_IsRefused(string query)
    {
        await using var server = await WithDupontsAsync();
        var (status, message) = await SearchAsync(server, query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at least 3 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_CountAbove20_IsRefused()
    {
        await using var server = await WithDupontsAsync();
        var (status, message) = await SearchAsync(server, "family=DUPONT&birthdate=1980-05-17&_count=21");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 20", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_MatchingMoreThanCount_IsRefusedNotTruncated(string provider)
    {
        await using var server = await WithDupontsAsync(provider);
        var (status, message) = await SearchAsync(server, "family=DUPONT&birthdate=1980-05-17&_count=1");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("refine the search: more than 1", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("family=DUPONT&birthdate=1980-05-17", 2)]
    [InlineData("family:exact=DUPONT&given=MARIE&gender=female", 1)]
    [InlineData("family=DUP&given=JEA&gender=male", 1)]
    public async Task Search_Specific_IsServed(string query, int expected)
    {
        await using var server = await WithDupontsAsync();
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?" + query, server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, bundle!.Entry.Count);
    }

    [Fact]
    public async Task Search_ByIdentifier_IsServed()
    {
        await using var server = await WithDupontsAsync();
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/Patient?identifier={VigieTestServer.IppSystem}|3", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bundle!.Entry);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SystemAccount_FeedsAndCrossReferences_ButCannotBrowse(string provider)
    {
        await using var server = await WithDupontsAsync(provider);
        var system = server.Tokens.SystemChu;
        var (pix, _) = await server.SendAsync<Parameters>(HttpMethod.Get, $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|1", system);
        Assert.Equal(HttpStatusCode.OK, pix.StatusCode);
        var (search, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", system);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        var (_, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/Patient?identifier={VigieTestServer.IppSystem}|1", server.Tokens.Physician);
        var (read, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/" + bundle!.Entry[0].Resource.Id, system);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var match = new Parameters();
        match.Parameter.Add(new Parameters.ParameterComponent { Name = "resource", Resource = Patients.Make("x") });
        var (matched, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir/Patient/$match", system, VigieTestServer.Json(match));
        Assert.Equal(HttpStatusCode.Forbidden, matched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(system).GetAsync("/admin/duplicates")).StatusCode);
    }

    [Fact]
    public async Task SystemAccount_RegistersOnlyItsOwnEstablishmentsRecords()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu,
            VigieTestServer.Json(Patients.Make("X-1", system: VigieTestServer.OtherIppSystem)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("own establishment", body!.Issue[0].Diagnostics, StringComparison.Ordinal);
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.Identities.Count());
    }

    [Fact]
    public async Task SecurityOfficer_ReviewsButCannotSearchOrRead()
    {
        await using var server = await WithDupontsAsync();
        var (search, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", server.Tokens.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.As(server.Tokens.Officer).GetAsync("/admin/break-the-glass")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.As(server.Tokens.Officer).GetAsync("/admin/contact-disclosures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(server.Tokens.Officer).GetAsync("/admin/duplicates")).StatusCode);
    }

    [Fact]
    public async Task Nurse_CannotRegisterOrMerge_PhysicianCannotReview()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (create, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir/Patient", server.Tokens.Nurse,
            VigieTestServer.Json(Patients.Make("N-1", system: VigieTestServer.OtherIppSystem)));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(server.Tokens.Nurse).PostAsJsonAsync("/admin/merges", new { source = "a", target = "b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(server.Tokens.Physician).GetAsync("/admin/break-the-glass")).StatusCode);
    }

    [Fact]
    public async Task Policy_IsConfigurableFromAccessJson()
    {
        await using var server = await VigieTestServer.StartAsync(settings: s =>
        {
            File.WriteAllText(Path.Combine(s.DataDirectory, "access.json"), "{ \"searchMaxCount\": 5, \"permissions\": { \"Create\": \"nurse\" } }");
            return s;
        });
        var (count, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17&_count=6", server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.BadRequest, count.StatusCode);
        var (create, _) = await server.SendAsync<Patient>(HttpMethod.Post, "/fhir/Patient", server.Tokens.Nurse,
            VigieTestServer.Json(Patients.Make("N-1", system: VigieTestServer.OtherIppSystem)));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }
}
