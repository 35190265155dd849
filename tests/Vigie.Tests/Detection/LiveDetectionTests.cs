using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Journal;
using Vigie.Storage.Detection;
using Vigie.Tests.Journal;
using Vigie.Tests.Support;

namespace Vigie.Tests.Detection;

/// <summary>
/// The risk engine inside real requests: a canary contains the account at once, a harvesting session is stopped
/// within a bounded number of patients, and colleagues keep working.
/// </summary>
public sealed class LiveDetectionTests
{
    [Fact]
    public async Task CanaryDisclosure_ContainsTheAccount_RaisesAnAlert_AndSparesColleagues()
    {
        await using var server = await VigieTestServer.StartAsync();
        var (_, canary) = await server.CreateAsync(Patients.Make("CANARY-1", family: "Vasseur", given: ["Odette"], birthDate: "1948-07-21", gender: AdministrativeGender.Female));
        await using (var db = server.Database.NewContext())
        {
            db.Canaries.Add(new CanaryRow { IdentityId = canary!.Id!, Finess = VigieTestServer.Finess, PlantedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=VASSEUR&birthdate=1948-07-21", server.Tokens.Physician);
        var (after, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);

        var (colleague, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);

        await using var check = server.Database.NewContext();
        var alerts = await check.Alerts.ToListAsync();
        Assert.Contains(alerts, a => a.Kind == "Canary" && a.ProfessionalId == TestPrincipals.Physician);
        Assert.All(alerts, a => Assert.Equal(TestPrincipals.Physician, a.ProfessionalId));
        Assert.Contains(await check.Containments.ToListAsync(), c => c.Scope == 1 && c.ProfessionalId == TestPrincipals.Physician && c.Enforced && c.ReleasedAt == null);
        Assert.Contains(await JournalReader.EntriesAsync(server, JournalAction.Containment), e => e.Query!.StartsWith("account;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HarvestingFromAnotherEstablishment_IsStoppedWithinABoundedNumberOfPatients()
    {
        await using var server = await VigieTestServer.StartAsync();
        const int population = 150;
        var bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (var i = 0; i < population; i++)
        {
            var patient = Patients.Make("H-" + i, family: "Harvest" + Letters(i), given: ["Jean"], birthDate: "1970-01-01", system: VigieTestServer.OtherIppSystem);
            bundle.Append(i == 0 ? "" : ",").Append("{\"resource\":").Append(VigieTestServer.ToJson(patient)).Append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
        }

        bundle.Append("]}");
        var (created, _) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir", server.Tokens.SystemOther, VigieTestServer.Json(bundle.ToString()));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var disclosed = 0;
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < population && last == HttpStatusCode.OK; i++)
        {
            var (response, found) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/Patient?family:exact=HARVEST{Letters(i).ToUpperInvariant()}&birthdate=1970-01-01", server.Tokens.Admission);
            last = response.StatusCode;
            disclosed += response.StatusCode == HttpStatusCode.OK ? found!.Entry.Count : 0;
        }

        Assert.NotEqual(HttpStatusCode.OK, last);
        Assert.True(disclosed <= 100, $"the harvest got {disclosed} patients before being stopped");
        var (colleague, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        Assert.Contains(await JournalReader.EntriesAsync(server), e => e.Outcome == JournalOutcome.DeniedByRisk && e.Actor.ProfessionalId == TestPrincipals.Admission);
    }

    private static string Letters(int i) => new([(char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
}
