using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Testing;
using Vigie.Tests.Journal;
using Vigie.Tests.Support;

namespace Vigie.Tests.Detection;

/// <summary>
/// The engine learns per-account baselines from the access journal when the node starts: a physician whose journal
/// shows three weeks of reading forty patients in a minute every day is stopped by the cold-start priors on a node
/// that has not learnt them, and judged against that habit once the node restarts.
/// </summary>
public sealed class WarmStartTests
{
    private const int Burst = 40;

    private static readonly string[] GivenNames = ["Jean", "Marie", "Paul", "Louise", "Henri"];
    private static readonly string[] FamilyNames = ["Lefebvre", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Marchand", "Mercier", "Blanchard"];

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AccountWithJournalHistory_IsJudgedAgainstItsBaseline_AfterARestart(string provider)
    {
        // The cross-node pull would learn the history written below as another node's accesses (decision 0010):
        // slowed to an hour, only the warm start at the restart can teach it.
        await using var server = await VigieTestServer.StartAsync(provider,
            settings: s => s with { Detection = s.Detection with { SyncInterval = TimeSpan.FromHours(1) } });
        var ids = await CreatePatientsAsync(server);

        // The request context a live read journals (client address, user agent, role): history is written alike.
        Assert.Equal(HttpStatusCode.OK, (await server.SendAsync<Patient>(HttpMethod.Get, "/fhir/Patient/" + ids[0], server.Tokens.Physician)).Response.StatusCode);
        var live = (await JournalReader.EntriesAsync(server, JournalAction.Read)).Single(e => e.Actor.ProfessionalId == TestPrincipals.Physician);
        await WriteHistoryAsync(server, live, ids, days: 21);

        // This process started before the history existed: cold-start priors (a physician reads a few patients a minute).
        Assert.True(await BurstAsync(server, ids) < Burst, "the cold engine let the whole burst through");

        await server.RestartAsync();
        Assert.Equal(Burst, await BurstAsync(server, ids));
        var (colleague, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
    }

    /// <summary>Reads every patient once, quickly; returns how many were disclosed before the first refusal.</summary>
    private static async Task<int> BurstAsync(VigieTestServer server, IReadOnlyList<string> ids)
    {
        var disclosed = 0;
        foreach (var id in ids)
        {
            var (response, _) = await server.SendAsync<Resource>(HttpMethod.Get, "/fhir/Patient/" + id, server.Tokens.Physician);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden, response.StatusCode.ToString());
                return disclosed;
            }

            disclosed++;
        }

        return disclosed;
    }

    private static async Task<List<string>> CreatePatientsAsync(VigieTestServer server)
    {
        var bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (var i = 0; i < Burst; i++)
        {
            string[] given = [GivenNames[i % 5]];
            var patient = Patients.Make("W-" + i, family: FamilyNames[i % 8] + " " + GivenNames[i / 8] + "s",
                given: given, birthDate: $"{1940 + i}-{1 + (i % 12):00}-{1 + (i % 28):00}");
            bundle.Append(i == 0 ? "" : ",").Append("{\"resource\":").Append(VigieTestServer.ToJson(patient)).Append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
        }

        bundle.Append("]}");
        var (created, result) = await server.SendAsync<Bundle>(HttpMethod.Post, "/fhir", server.Tokens.SystemChu, VigieTestServer.Json(bundle.ToString()));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var ids = result!.Entry.Select(e => e.Response.Location.Split('/')[1]).ToList();
        Assert.Equal(Burst, ids.Distinct().Count());
        return ids;
    }

    /// <summary>Every day for <paramref name="days"/> days, at this time of day, the physician read all the patients within 40 seconds.</summary>
    private static async Task WriteHistoryAsync(VigieTestServer server, JournalEntry live, IReadOnlyList<string> ids, int days)
    {
        var writer = server.Services.GetRequiredService<JournalWriter>();
        var now = TimeProvider.System.GetUtcNow();
        for (var day = days; day >= 1; day--)
        {
            var session = "history-" + day;
            var entries = ids.Select((id, i) => live with
            {
                Time = now.AddDays(-day).AddSeconds(i),
                Request = live.Request with { Session = session, RequestId = $"{session}:{i}" },
                Patient = new Vigie.Core.Identity.PatientId(id),
            }).ToList();
            await writer.AppendAsync(entries);
        }
    }
}
