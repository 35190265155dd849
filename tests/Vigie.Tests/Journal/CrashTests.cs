using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Core.Journal;
using Vigie.Storage.Journal;
using Vigie.Storage.Registry;
using Vigie.Tests.Support;
using Vigie.Testing;

namespace Vigie.Tests.Journal;

/// <summary>
/// The server is killed with SIGKILL while clients are reading patients. Every response a client received must have
/// its journal entries, the journal must verify, no checkpoint may refer to a missing entry, and the restarted
/// server must go on appending to the same log.
/// </summary>
public sealed class CrashTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Origin = "vigie.sante.fr/journal";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SigkillUnderLoad_KeepsEveryAnsweredDisclosure_AndTheLogVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var port = VigieServerProcess.FreePort();
        var received = new ConcurrentBag<(string RequestId, string Patient)>();
        string[] ids;
        // Eight clients rereading twenty patients in a loop is exactly what detection stops: this test is about the
        // journal under load, so the server runs detection in report-only mode.
        await using (var server = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, port, "--detection-report-only"))
        {
            var (system, admission) = await TokensAsync(database, server.Url);
            ids = await CreatePatientsAsync(server.Url, system, 20);
            using var client = Client(server.Url, admission);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 8).Select(worker => ReadLoopAsync(client, ids, worker, received, stop.Token)).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (received.Count < 300 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(received.Count >= 300);
        await AssertJournalAsync(database, received);

        // Restarted on the same data, the server appends after the crash point and the log still verifies.
        await using (var restarted = await VigieServerProcess.StartAsync(database.DataDirectory, database.PostgresConnectionString, port, "--detection-report-only"))
        {
            var (_, admission) = await TokensAsync(database, restarted.Url);
            using var client = Client(restarted.Url, admission);
            using var again = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var more = new ConcurrentBag<(string RequestId, string Patient)>();
            var reading = ReadLoopAsync(client, ids, 0, more, again.Token);
            while (more.Count < 20 && !again.IsCancellationRequested)
            {
                await Task.Delay(20);
            }

            await again.CancelAsync();
            await reading;
            Assert.NotEmpty(more);
            foreach (var r in more)
            {
                received.Add(r);
            }
        }

        await AssertJournalAsync(database, received);
    }

    private static async Task AssertJournalAsync(TestDatabase database, IEnumerable<(string RequestId, string Patient)> received)
    {
        using var key = JournalSigningKey.LoadOrCreate(database.DataDirectory, Origin);
        await using var db = database.NewContext();
        var journaled = new HashSet<(string, string)>();
        long count = 0;
        await foreach (var record in JournalQueries.ReadAllAsync(db, key.SealKey))
        {
            count++;
            if (record.Entry is { Action: JournalAction.Read, Request.RequestId: { } requestId, Patient: { } patient })
            {
                journaled.Add((requestId, patient.Value));
            }
        }

        var missing = received.Where(r => !journaled.Contains((r.RequestId, r.Patient))).ToList();
        Assert.Empty(missing);
        var verification = await JournalAudit.VerifyAsync(db, key.Trust, null, default);
        Assert.True(verification.IsValid, verification.Fault?.ToString());
        Assert.True(verification.LastCheckpointSize <= count, "a checkpoint refers to entries that are not stored");
    }

    private static async Task ReadLoopAsync(HttpClient client, string[] ids, int worker, ConcurrentBag<(string, string)> received, CancellationToken stop)
    {
        var i = worker;
        while (!stop.IsCancellationRequested)
        {
            var id = ids[i++ % ids.Length];
            try
            {
                using var response = await client.GetAsync("/fhir/Patient/" + id, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode == HttpStatusCode.OK && body.Contains(id, StringComparison.Ordinal))
                {
                    // A complete answer reached the client: its entry must survive whatever happens next.
                    received.Add((response.Headers.GetValues("X-Request-Id").Single(), id));
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server died mid-request: that response was never received.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.Establishments.Add(new EstablishmentRow { Finess = VigieTestServer.Finess, Name = "CHU test", IppSystem = VigieTestServer.IppSystem });
        await db.SaveChangesAsync();
        var (id, finess, profession, roles, name) = TestPrincipals.Seeded.Single(p => p.Id == TestPrincipals.Admission);
        Assert.True((await Professionals.AddAsync(db, id, finess, profession, roles, name, TimeProvider.System.GetUtcNow(), default)).Success);
    }

    private static async Task<(string System, string Admission)> TokensAsync(TestDatabase database, string url)
    {
        await using var db = database.NewContext();
        var keys = SigningKeys.LoadOrCreate(database.DataDirectory);
        var options = new BuiltInTokens.Options(url + "/", "vigie", TimeSpan.FromHours(1), "eidas1", TimeSpan.Zero);
        var now = TimeProvider.System.GetUtcNow();
        var admission = await BuiltInTokens.ForProfessionalAsync(db, keys, options, TestPrincipals.Admission, now, default);
        return (BuiltInTokens.ForSystem(keys, options, VigieTestServer.Finess, now), admission.Value);
    }

    private static async Task<string[]> CreatePatientsAsync(string url, string token, int count)
    {
        using var client = Client(url, token);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var patient = Patients.Make("K-" + i, family: "Kerbrat", given: ["Yann" + (char)('a' + i)], birthDate: $"19{50 + i}-01-02");
            using var response = await client.PostAsync("/fhir/Patient", VigieTestServer.Json(patient));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var created = Vigie.Fhir.FhirBody.Parse<Patient>(await response.Content.ReadAsByteArrayAsync()).Resource!;
            ids.Add(created.Id);
        }

        return [.. ids];
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
