using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Detection;
using Vigie.Storage.Detection;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Storage.Registry;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Detection;

/// <summary>
/// Two `vigie serve` processes on one PostgreSQL database, as a region runs them behind a load balancer. A
/// suspension decided through one node holds on the other from the very next request, while the rest of the
/// establishment keeps working on both.
/// </summary>
public sealed class TwoNodeContainmentTests
{
    [Fact]
    public async Task SuspensionThroughNodeA_RefusesTheAccountOnNodeB_AndReleaseThroughBFreesItOnA()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        await SeedAsync(database);

        // One issuer for both nodes, as Pro Santé Connect would be; each node has its own port.
        var issuer = "http://127.0.0.1:" + VigieServerProcess.FreePort() + "/";
        await using var nodeA = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, null, "--issuer", issuer);
        await using var nodeB = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, null, "--issuer", issuer);

        await using var tokens = database.NewContext();
        var keys = SigningKeys.LoadOrCreate(database.DataDirectory);
        var options = new BuiltInTokens.Options(issuer, "vigie", TimeSpan.FromHours(1), "eidas1", TimeSpan.Zero);
        var now = TimeProvider.System.GetUtcNow();
        var physician = (await BuiltInTokens.ForProfessionalAsync(tokens, keys, options, TestPrincipals.Physician, now, default)).Value;
        var nurse = (await BuiltInTokens.ForProfessionalAsync(tokens, keys, options, TestPrincipals.Nurse, now, default)).Value;
        var officer = BuiltInTokens.ForSecurityOfficer(keys, options, TestPrincipals.Officer, now);

        const string search = "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17";
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Get, search, physician));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeB, HttpMethod.Get, search, physician));

        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Post, $"/admin/professionals/{TestPrincipals.Physician}/suspend", officer, new { reason = "usurpation" }));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(nodeB, HttpMethod.Get, search, physician));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(nodeA, HttpMethod.Get, search, physician));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeB, HttpMethod.Get, search, nurse));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Get, search, nurse));

        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeB, HttpMethod.Post, $"/admin/professionals/{TestPrincipals.Physician}/release", officer, new { }));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Get, search, physician));
    }

    /// <summary>
    /// An intruder harvests the other establishment's patients with one admission session, alternating between the
    /// two nodes. Each node takes in the other's accesses from the journal (decision 0010), so the session is
    /// stopped after as many patients as on one node, not twice as many, and then suspended by the engine, not by an
    /// officer; the suspension holds on both nodes while colleagues keep working.
    /// </summary>
    [Fact]
    public async Task AttackerAlternatingBetweenNodes_IsContainedByTheEngine_AndRefusedOnBoth()
    {
        const int population = 150;
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        await SeedAsync(database);
        var issuer = "http://127.0.0.1:" + VigieServerProcess.FreePort() + "/";
        string[] options = ["--issuer", issuer, "--detection-sync-seconds", "0.1"];
        await using var nodeA = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, null, options);
        await using var nodeB = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, null, options);
        var keys = SigningKeys.LoadOrCreate(database.DataDirectory);
        var tokenOptions = new BuiltInTokens.Options(issuer, "vigie", TimeSpan.FromHours(1), "eidas1", TimeSpan.Zero);
        var now = TimeProvider.System.GetUtcNow();
        string attacker, nurse;
        await using (var tokens = database.NewContext())
        {
            attacker = (await BuiltInTokens.ForProfessionalAsync(tokens, keys, tokenOptions, TestPrincipals.Admission, now, default)).Value;
            nurse = (await BuiltInTokens.ForProfessionalAsync(tokens, keys, tokenOptions, TestPrincipals.Nurse, now, default)).Value;
        }

        var bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[");
        for (var i = 0; i < population; i++)
        {
            var patient = Patients.Make("H-" + i, family: "Harvest" + Letters(i), given: ["Jean"], birthDate: BirthDate(i), system: VigieTestServer.OtherIppSystem);
            bundle.Append(i == 0 ? "" : ",").Append("{\"resource\":").Append(VigieTestServer.ToJson(patient)).Append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
        }

        bundle.Append("]}");
        var system = BuiltInTokens.ForSystem(keys, tokenOptions, VigieTestServer.OtherFiness, now);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Post, "/fhir", system, new StringContent(bundle.ToString(), Encoding.UTF8, "application/fhir+json")));

        // Alternate A, B, A, B… at a desk's pace (the nodes pull each other's accesses every 100 ms).
        var disclosed = 0;
        var firstRefusal = -1;
        for (var i = 0; i < population && firstRefusal < 0; i++)
        {
            var (status, found) = await SearchAsync(i % 2 == 0 ? nodeA : nodeB, $"/fhir/Patient?family:exact=HARVEST{Letters(i).ToUpperInvariant()}&birthdate={BirthDate(i)}", attacker);
            firstRefusal = status == HttpStatusCode.OK ? -1 : i;
            disclosed += found;
            await Task.Delay(150);
        }

        Assert.True(firstRefusal >= 0, "the harvest was never stopped");
        // 17 when measured (decision 0010); 34 when the pull is slowed to a minute and each node judges its own half.
        Assert.True(disclosed <= 25, $"the alternating harvest got {disclosed} patients before being stopped");

        // The step-up one node asked holds on the other once it has pulled the refusal: the intruder cannot walk round
        // it by sending the next request elsewhere (the other node refuses as "pending", not on its own evidence).
        var other = firstRefusal % 2 == 0 ? nodeB : nodeA;
        await Task.Delay(500);
        var (elsewhere, _) = await SearchAsync(other, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", attacker);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere);
        var refusals = (await Vigie.Tests.Journal.JournalReader.EntriesAsync(database))
            .Where(e => e.Outcome == Vigie.Core.Journal.JournalOutcome.DeniedByRisk && e.Actor.ProfessionalId == TestPrincipals.Admission).ToList();
        Assert.True(refusals.Count >= 2);
        Assert.StartsWith("step-up;" + RiskReasons.StepUpPending + ",", refusals[^1].Query, StringComparison.Ordinal);

        // The intruder ignores the step-up and keeps trying on both nodes: the engine suspends the session.
        ContainmentRow? held = null;
        for (var i = 0; i < 400 && held is null; i++)
        {
            await SearchAsync(i % 2 == 0 ? nodeA : nodeB, $"/fhir/Patient?family:exact=HARVEST{Letters(i).ToUpperInvariant()}&birthdate={BirthDate(i)}", attacker);
            await using var db = database.NewContext();
            held = await db.Containments.AsNoTracking().FirstOrDefaultAsync(c => c.ProfessionalId == TestPrincipals.Admission && c.ReleasedAt == null);
        }

        Assert.NotNull(held);
        Assert.Equal(ContainmentChange.Engine, held.SuspendedBy);
        Assert.True(held.Enforced);
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(nodeA, HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", attacker));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(nodeB, HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", attacker));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeA, HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", nurse));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(nodeB, HttpMethod.Get, "/fhir/Patient?family:exact=DUPONT&birthdate=1980-05-17", nurse));
        TestContext.Current.TestOutputHelper?.WriteLine($"two-node harvest: {disclosed} patients disclosed, first refusal at request {firstRefusal + 1}, suspended by the engine ({held.Reasons})");
    }

    private static async Task<(HttpStatusCode Status, int Found)> SearchAsync(VigieServerProcess node, string path, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(node.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, 0);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0);
    }

    // Distinct birth dates, so that the matcher registers 150 people and not a few duplicates.
    private static string BirthDate(int i) => $"{1930 + (i % 60)}-{1 + (i % 12):00}-{1 + (i % 28):00}";

    private static string Letters(int i) => new([(char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);

    private static async Task<HttpStatusCode> SendAsync(VigieServerProcess node, HttpMethod method, string path, string token, object? body = null)
    {
        using var client = new HttpClient { BaseAddress = new Uri(node.Url) };
        using var request = new HttpRequestMessage(method, path) { Content = body as HttpContent ?? (body is null ? null : JsonContent.Create(body)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.Establishments.Add(new EstablishmentRow { Finess = VigieTestServer.Finess, Name = "CHU test", IppSystem = VigieTestServer.IppSystem });
        db.Establishments.Add(new EstablishmentRow { Finess = VigieTestServer.OtherFiness, Name = "CH test", IppSystem = VigieTestServer.OtherIppSystem });
        await db.SaveChangesAsync();
        var seededAt = TimeProvider.System.GetUtcNow();
        foreach (var (id, finess, profession, roles, name) in TestPrincipals.Seeded)
        {
            Assert.True((await Professionals.AddAsync(db, id, finess, profession, roles, name, seededAt, default)).Success);
        }

        Assert.True((await Professionals.AddOfficerAsync(db, TestPrincipals.Officer, seededAt, default)).Success);
    }
}
