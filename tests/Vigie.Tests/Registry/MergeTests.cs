using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Registry;

/// <summary>Merge and unmerge are reversible and recorded.</summary>
public sealed class MergeTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Merge_ThenUnmerge_RestoresBothIdentities(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        var (_, a) = await server.CreateAsync(Patients.Make("A1"));
        var (_, b) = await server.CreateAsync(Patients.Make("B1", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female, system: VigieTestServer.OtherIppSystem));

        var merge = await server.As(server.Tokens.Vigilance).PostAsJsonAsync("/admin/merges", new { source = b!.Id, target = a!.Id });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var eventId = (await merge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetInt64();

        var (_, merged) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + b.Id, server.Tokens.Vigilance);
        Assert.False(merged!.Active);
        var link = Assert.Single(merged.Link);
        Assert.Equal(Patient.LinkType.ReplacedBy, link.Type);
        Assert.Equal("Patient/" + a.Id, link.Other.Reference);
        var (_, survivor) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + a.Id, server.Tokens.Vigilance);
        Assert.Contains(survivor!.Identifier, i => i.Value == "B1");

        // The PIXm query on the merged record's IPP answers with the survivor.
        var (_, pix) = await server.SendAsync<Parameters>(HttpMethod.Get, $"/fhir/Patient/$ihe-pix?sourceIdentifier={VigieTestServer.OtherIppSystem}|B1", server.Tokens.SystemChu);
        Assert.Equal("Patient/" + a.Id, ((ResourceReference)pix!.Parameter.Single(p => p.Name == "targetId").Value).Reference);

        var undo = await server.As(server.Tokens.Vigilance).PostAsync($"/admin/merges/{eventId}/undo", null);
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        var (_, restored) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + b.Id, server.Tokens.Vigilance);
        Assert.True(restored!.Active);
        Assert.Empty(restored.Link);
        Assert.Contains(restored.Identifier, i => i.Value == "B1");
        var (_, aAgain) = await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + a.Id, server.Tokens.Vigilance);
        Assert.DoesNotContain(aAgain!.Identifier, i => i.Value == "B1");

        await using var db = server.Database.NewContext();
        Assert.Equal(2, db.MergeEvents.Count());

        var again = await server.As(server.Tokens.Vigilance).PostAsync($"/admin/merges/{eventId}/undo", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Merge_IntoInactiveTarget_IsRefused()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, a) = await server.CreateAsync(Patients.Make("A1"));
        var (_, b) = await server.CreateAsync(Patients.Make("B1", family: "Martin", given: ["Claire"], birthDate: "1975-11-02", gender: AdministrativeGender.Female));
        var (_, c) = await server.CreateAsync(Patients.Make("C1", family: "Bernard", given: ["Luc"], birthDate: "1990-01-02"));
        Assert.Equal(HttpStatusCode.OK, (await server.As(server.Tokens.Vigilance).PostAsJsonAsync("/admin/merges", new { source = b!.Id, target = a!.Id })).StatusCode);
        var refused = await server.As(server.Tokens.Vigilance).PostAsJsonAsync("/admin/merges", new { source = c!.Id, target = b.Id });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}
