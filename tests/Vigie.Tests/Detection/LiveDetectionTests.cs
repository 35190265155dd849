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
        var (disclosed, last) = await HarvestUntilRefusedAsync(server);

        Assert.NotEqual(HttpStatusCode.OK, last);
        Assert.True(disclosed <= 100, $"the harvest got {disclosed} patients before being stopped");
        var (colleague, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        Assert.Contains(await JournalReader.EntriesAsync(server), e => e.Outcome == JournalOutcome.DeniedByRisk && e.Actor.ProfessionalId == TestPrincipals.Admission);
    }

    [Fact]
    public async Task HarvesterWhoStopsAtTheStepUp_IsNamedInAnAlert_Once()
    {
        // The delay is shortened through the thresholds setting so that the node's own background review raises it.
        await using var server = await VigieTestServer.StartAsync(settings: s => s with
        {
            Detection = s.Detection with { Thresholds = s.Detection.Thresholds with { StepUpUnansweredAlert = TimeSpan.FromMilliseconds(200) } },
        });
        var (disclosed, last) = await HarvestUntilRefusedAsync(server);
        Assert.Equal(HttpStatusCode.Unauthorized, last);
        Assert.True(disclosed > 0);

        AlertRow? alert = null;
        for (var wait = 0; wait < 150 && alert is null; wait++)
        {
            await Task.Delay(100);
            await using var db = server.Database.NewContext();
            alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Kind == "StepUpUnanswered");
        }

        Assert.NotNull(alert);
        Assert.Equal(TestPrincipals.Admission, alert.ProfessionalId);
        Assert.NotNull(alert.Session);
        Assert.Equal("step-up", alert.Level);
        Assert.StartsWith("step-up.unanswered,", alert.Reasons, StringComparison.Ordinal);

        Assert.Equal(0, await server.Services.GetRequiredService<Vigie.Detection.StepUpWatch>().ReviewAsync(default));
        await using var check = server.Database.NewContext();
        Assert.Equal(1, await check.Alerts.CountAsync(a => a.Kind == "StepUpUnanswered"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/alerts");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.Tokens.Officer);
        using var listed = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("StepUpUnanswered", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The admission desk reads, one exact search at a time, patients of another establishment until refused.</summary>
    private static async Task<(int Disclosed, HttpStatusCode Last)> HarvestUntilRefusedAsync(VigieTestServer server)
    {
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
        var last = HttpStatusCode.OK;
        for (var i = 0; i < population && last == HttpStatusCode.OK; i++)
        {
            var (response, found) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/Patient?family:exact=HARVEST{Letters(i).ToUpperInvariant()}&birthdate=1970-01-01", server.Tokens.Admission);
            last = response.StatusCode;
            disclosed += response.StatusCode == HttpStatusCode.OK ? found!.Entry.Count : 0;
        }

        return (disclosed, last);
    }

    private static string Letters(int i) => new([(char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
}
