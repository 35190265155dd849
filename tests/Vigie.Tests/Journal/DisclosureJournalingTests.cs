using System.Net;
using Hl7.Fhir.Model;
using Vigie.Core.Journal;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Journal;

/// <summary>
/// Every disclosure is journaled before the answer leaves, one entry per patient (IHE BALP): the entries are read
/// back from the database as soon as the response arrives.
/// </summary>
public sealed class DisclosureJournalingTests
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
        await server.CreateAsync(Patients.Make("3", family: "Martin", given: ["Claire"], birthDate: "1975-11-02"));
        return server;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_JournalsOneEntryPerReturnedPatient_WithWhoAndFromWhere(string provider)
    {
        await using var server = await WithPeopleAsync(provider);
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=dupon", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entries = await JournalReader.EntriesAsync(server, JournalAction.Search);
        var returned = bundle!.Entry.Select(e => e.Resource.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, returned.Count);
        Assert.Equal(returned, entries.Select(e => e.Patient!.Value.Value).Order(StringComparer.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.Equal(TestPrincipals.Physician, e.Actor.ProfessionalId);
            Assert.Equal(VigieTestServer.Finess, e.Actor.Establishment);
            Assert.Equal(DisclosedData.Identity, e.Disclosed);
            Assert.Equal(JournalOutcome.Success, e.Outcome);
            Assert.Equal("127.0.0.1", e.Request.ClientIp);
            Assert.NotNull(e.Request.Session);
            Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), e.Request.RequestId);
        });
    }

    [Fact]
    public async Task Search_JournalsParameterNamesOnly_NeverTheSearchedTraits()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=dupon&birthdate=1980-05-17", server.Tokens.Physician);
        var entry = Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.Search));
        Assert.Equal("birthdate,family", entry.Query);
    }

    [Fact]
    public async Task Search_FindingNobody_IsJournaledWithoutPatient()
    {
        await using var server = await WithPeopleAsync(TestDatabase.Sqlite);
        var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=nobody", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bundle!.Entry);
        var entry = Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.Search));
        Assert.Null(entry.Patient);
        Assert.Equal(DisclosedData.None, entry.Disclosed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Read_WithContactData_JournalsTheCategoriesSent(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("C-1"));

        var (response, read) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Admission);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(read!.Telecom);
        var entry = Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.Read));
        Assert.Equal(created.Id, entry.Patient!.Value.Value);
        Assert.Equal(DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Email | DisclosedData.Address, entry.Disclosed);

        // The physician's role gets no contact data: the journal says identity only.
        await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created.Id, server.Tokens.Physician);
        var reads = await JournalReader.EntriesAsync(server, JournalAction.Read);
        Assert.Equal(DisclosedData.Identity, reads[^1].Disclosed);
    }

    [Fact]
    public async Task BreakTheGlassRead_JournalsTheDeclaredPurpose()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, created) = await server.CreateAsync(Patients.Make("O-1", system: VigieTestServer.OtherIppSystem));
        var (response, _) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Physician, headers: h =>
        {
            h.Add("X-Vigie-Purpose", "ETREAT");
            h.Add("X-Vigie-Purpose-Reason", "patient inconscient");
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.Read));
        Assert.StartsWith("ETREAT", entry.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denials_AreJournaledWithTheAttemptedAction()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, created) = await server.CreateAsync(Patients.Make("O-2", system: VigieTestServer.OtherIppSystem));

        var (outside, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Physician);
        var (admin, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Get, "/admin/duplicates", server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);

        var denied = (await JournalReader.EntriesAsync(server)).Where(e => e.Outcome == JournalOutcome.DeniedByPolicy).ToList();
        Assert.Contains(denied, e => e.Action == JournalAction.Read && e.Patient?.Value == created.Id && e.Disclosed == DisclosedData.None);
        Assert.Contains(denied, e => e.Action == JournalAction.Administer && e.Actor.ProfessionalId == TestPrincipals.Nurse);
    }

    [Fact]
    public async Task CreateMatchAndCrossReference_AreJournaled()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, created) = await server.CreateAsync(Patients.Make("M-1", family: "Lefebvre", given: ["Anne"], birthDate: "1990-03-04", gender: AdministrativeGender.Female));
        Assert.Contains(await JournalReader.EntriesAsync(server, JournalAction.Create), e => e.Patient?.Value == created!.Id);

        var parameters = new Parameters();
        parameters.Add("resource", Patients.Make("x", family: "Lefebvre", given: ["Anne"], birthDate: "1990-03-04", gender: AdministrativeGender.Female));
        var (match, _) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Physician, VigieTestServer.Json(parameters));
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        var matched = Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.Match));
        Assert.Equal(created!.Id, matched.Patient!.Value.Value);
        Assert.Contains(";grade=", matched.Query, StringComparison.Ordinal);

        var (pix, _) = await server.SendAsync<Parameters>(HttpMethod.Get, $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.IppSystem}|M-1", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, pix.StatusCode);
        Assert.Equal(created.Id, Assert.Single(await JournalReader.EntriesAsync(server, JournalAction.CrossReference)).Patient!.Value.Value);
    }

    [Fact]
    public async Task FirstRequestOfASession_IsJournaledAsSignIn_Once()
    {
        await using var server = await VigieTestServer.StartAsync();
        await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=dupont&birthdate=1980-05-17", server.Tokens.Physician);
        await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=dupont&birthdate=1980-05-18", server.Tokens.Physician);
        var signIns = (await JournalReader.EntriesAsync(server, JournalAction.SignIn)).Where(e => e.Actor.ProfessionalId == TestPrincipals.Physician).ToList();
        var signIn = Assert.Single(signIns);
        Assert.Equal("acr=eidas1", signIn.Query);
    }
}
