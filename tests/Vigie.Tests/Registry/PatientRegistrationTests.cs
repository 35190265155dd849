using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

public sealed class PatientRegistrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_NewPerson_Is201WithNormalisedTraitsAndNoContactEcho(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (response, patient) = await server.CreateAsync(Patients.Make("IPP-1", family: "Lefèvre-Dupré", given: ["Hélène", "Zoé"], gender: AdministrativeGender.Female));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(patient);
        Assert.StartsWith("/fhir/Patient/" + patient.Id, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("LEFEVRE-DUPRE", patient.Name[0].Family);
        Assert.Equal(["HELENE", "ZOE"], patient.Name[0].Given);
        Assert.Empty(patient.Telecom);
        Assert.Contains(patient.Identifier, i => i.System == VigieTestServer.IppSystem && i.Value == "IPP-1");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Read_AfterCreate_ReturnsTheIdentityWithContactData(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("IPP-1"));
        var (response, read) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Admission);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DUPONT", read!.Name[0].Family);
        Assert.Equal("1980-05-17", read.BirthDate);
        Assert.Contains(read.Telecom, t => t.System == ContactPoint.ContactPointSystem.Email);
    }

    [Fact]
    public async Task Create_SameLocalIdentifierTwice_IsIdempotent()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, first) = await server.CreateAsync(Patients.Make("IPP-1"));
        var (response, second) = await server.CreateAsync(Patients.Make("IPP-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first!.Id, second!.Id);
        await using var db = server.Database.NewContext();
        Assert.Equal(1, db.Identities.Count());
        Assert.Equal(1, db.LocalRecords.Count());
    }

    [Fact]
    public async Task Create_WithIfNoneExistMatchingAnotherIdentifier_ReturnsExisting()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, first) = await server.CreateAsync(Patients.Make("IPP-1"));
        var (response, second) = await server.SendAsync<Patient>(HttpMethod.Post, "/fhir/Patient", server.Tokens.SystemChu, VigieTestServer.Json(Patients.Make("IPP-2", family: "Autre")),
            h => h.Add("If-None-Exist", $"identifier={VigieTestServer.IppSystem}|IPP-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first!.Id, second!.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_SamePersonFromAnotherEstablishment_IsLinkedAutomatically(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, first) = await server.CreateAsync(Patients.Make("IPP-1"));
        var (response, second) = await server.CreateAsync(Patients.Make("X-77", system: VigieTestServer.OtherIppSystem));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first!.Id, second!.Id);
        Assert.Contains(second.Identifier, i => i.System == VigieTestServer.OtherIppSystem && i.Value == "X-77");
        await using var db = server.Database.NewContext();
        Assert.True(db.LocalRecords.Single(l => l.Value == "X-77").LinkedAutomatically);
    }

    [Fact]
    public async Task Create_DifferentPerson_CreatesAnotherIdentity()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, first) = await server.CreateAsync(Patients.Make("IPP-1"));
        var (response, second) = await server.CreateAsync(Patients.Make("IPP-2", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(first!.Id, second!.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Update_ChangesTraitsAndVersion_AndHonoursIfMatch(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("IPP-1"));
        var changed = Patients.Make("IPP-1", usedName: "Durand");
        changed.Id = created!.Id;
        var (stale, _) = await server.SendAsync<Resource>(HttpMethod.Put, "/fhir/Patient/" + created.Id, server.Tokens.Admission, VigieTestServer.Json(changed), h => h.TryAddWithoutValidation("If-Match", "W/\"9\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var (response, updated) = await server.SendAsync<Patient>(HttpMethod.Put, "/fhir/Patient/" + created.Id, server.Tokens.Admission, VigieTestServer.Json(changed), h => h.TryAddWithoutValidation("If-Match", "W/\"1\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", updated!.Meta.VersionId);
        Assert.Contains(updated.Name, n => n.Use == HumanName.NameUse.Usual && n.Family == "DURAND");
    }

    [Fact]
    public async Task Update_UnknownId_Is404AndCreatesNothing()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("IPP-1");
        patient.Id = "p-unknown";
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Put, "/fhir/Patient/p-unknown", server.Tokens.Admission, VigieTestServer.Json(patient));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(body);
    }

    [Fact]
    public async Task Create_QualifiedWithIns_CarriesInsUnderNirOid()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("IPP-1");
        patient.Identifier.Add(new Identifier("urn:oid:1.2.250.1.213.1.4.8", Vigie.Tests.Fhir.BadInputTests.ValidNir));
        patient.SetExtension("https://vigie.sante.fr/fhir/StructureDefinition/identity-status", new Code("QUAL"));
        var (response, created) = await server.CreateAsync(patient);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(created!.Identifier, i => i.System == "urn:oid:1.2.250.1.213.1.4.8" && i.Value == Vigie.Tests.Fhir.BadInputTests.ValidNir);
    }
}
