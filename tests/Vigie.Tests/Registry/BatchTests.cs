using System.Net;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

public sealed class BatchTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Bundle Batch(params Patient[] patients)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Batch };
        foreach (var p in patients)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = p, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" } });
        }

        return bundle;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Batch_OfValidPatients_RegistersAll(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (response, body) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir", server.Tokens.Vigilance, VigieTestServer.Json(Batch(
            Patients.Make("A"), Patients.Make("B", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bundle.BundleType.BatchResponse, body!.Type);
        Assert.All(body.Entry, e => Assert.Equal("201 Created", e.Response.Status));
        await using var db = server.Database.NewContext();
        Assert.Equal(2, db.Identities.Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Batch_WithOneInvalidEntry_WritesNothing(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var bad = Patients.Make("C", family: "D4rk");
        var (response, body) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir", server.Tokens.Vigilance, VigieTestServer.Json(Batch(Patients.Make("A"), Patients.Make("B", family: "Martin"), bad)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("entry[2]", body!.Issue[0].Diagnostics, StringComparison.Ordinal);
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.Identities.Count());
        Assert.Equal(0, db.LocalRecords.Count());
    }

    [Fact]
    public async Task Batch_WithNonPatientEntry_WritesNothing()
    {
        await using var server = await VigieTestServer.StartAsync();
        var bundle = Batch(Patients.Make("A"));
        bundle.Entry.Add(new Bundle.EntryComponent { Resource = new Organization { Name = "x" }, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Organization" } });
        var (response, _) = await server.SendAsync<OperationOutcome>(HttpMethod.Post, "/fhir", server.Tokens.Vigilance, VigieTestServer.Json(bundle));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.Identities.Count());
    }

    [Fact]
    public async Task Batch_WithDuplicatesInsideIt_LinksThemToOneIdentity()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (response, body) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir", server.Tokens.Vigilance, VigieTestServer.Json(Batch(
            Patients.Make("A"), Patients.Make("Z", system: VigieTestServer.OtherIppSystem))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body!.Entry[0].Response.Location, body.Entry[1].Response.Location);
    }
}
