using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Auth;

/// <summary>Contact data: only to roles that need it, only on single reads, each disclosure counted by category.</summary>
public sealed class ContactMinimisationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Admission_SeesContact_Physician_DoesNot_AndDisclosuresAreCounted(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, created) = await server.CreateAsync(Patients.Make("C-1"));
        var url = "/fhir/Patient/" + created!.Id;

        var (_, forAdmission) = await server.SendAsync<Patient>(HttpMethod.Get, url, server.Tokens.Admission);
        Assert.Contains(forAdmission!.Telecom, t => t.System == ContactPoint.ContactPointSystem.Phone);
        Assert.Contains(forAdmission.Telecom, t => t.System == ContactPoint.ContactPointSystem.Email);
        Assert.Single(forAdmission.Address);

        var (_, forPhysician) = await server.SendAsync<Patient>(HttpMethod.Get, url, server.Tokens.Physician);
        Assert.Empty(forPhysician!.Telecom);
        Assert.Empty(forPhysician.Address);
        Assert.Equal("DUPONT", forPhysician.Name[0].Family);

        await server.SendAsync<Patient>(HttpMethod.Get, url, server.Tokens.Admission);
        var counts = await server.As(server.Tokens.Officer).GetFromJsonAsync<JsonElement>("/admin/contact-disclosures");
        var line = Assert.Single(counts.EnumerateArray());
        Assert.Equal(TestPrincipals.Admission, line.GetProperty("subject").GetString());
        Assert.Equal(2, line.GetProperty("reads").GetInt32());
        Assert.Equal(2, line.GetProperty("phone").GetInt32());
        Assert.Equal(2, line.GetProperty("email").GetInt32());
        Assert.Equal(2, line.GetProperty("address").GetInt32());
    }

    [Fact]
    public async Task OnlyCategoriesThePatientHas_AreCounted()
    {
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("C-2");
        patient.Telecom.RemoveAll(t => t.System == ContactPoint.ContactPointSystem.Email);
        patient.Address.Clear();
        var (_, created) = await server.CreateAsync(patient);
        await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + created!.Id, server.Tokens.Admission);
        await using var db = server.Database.NewContext();
        Assert.Equal((int)Vigie.Core.Access.ContactCategories.Phone, db.ContactDisclosures.Single().Categories);
    }

    [Fact]
    public async Task SearchAndMatch_NeverCarryContact_EvenForAdmission()
    {
        await using var server = await VigieTestServer.StartAsync();
        await server.CreateAsync(Patients.Make("C-3"));
        var (_, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family=DUPONT&birthdate=1980-05-17", server.Tokens.Admission);
        Assert.All(bundle!.Entry, e => Assert.Empty(((Patient)e.Resource).Telecom));
        var query = new Parameters();
        query.Parameter.Add(new Parameters.ParameterComponent { Name = "resource", Resource = Patients.Make("q") });
        var (_, matched) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir/Patient/$match", server.Tokens.Admission, VigieTestServer.Json(query));
        Assert.NotEmpty(matched!.Entry);
        Assert.All(matched.Entry, e => Assert.Empty(((Patient)e.Resource).Telecom));
        await using var db = server.Database.NewContext();
        Assert.Equal(0, db.ContactDisclosures.Count());
    }
}
