using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Storage.Incidents;
using Vigie.Testing;
using Vigie.Tests.Journal;
using Vigie.Tests.Support;
using static Vigie.Tests.Portal.PortalFixture;

namespace Vigie.Tests.Incidents;

/// <summary>
/// Leak attribution end to end: a canary registered like any patient, its contacts planted as monitored, read by a
/// professional over real HTTP with a real token; a message to its contact, handed over by the monitored mailbox or
/// reported on the public portal, opens one incident naming exactly the account and session that received it.
/// Detection runs report-only here: enforced, it refuses the canary at the first look, so nothing leaks (and a hit
/// is then recorded without incident, see <see cref="HitOnACanaryNobodyReceived_IsRecorded_WithoutIncident"/>).
/// </summary>
public sealed class CanaryHttpTests
{
    private const string Email = "odette.vasseur.k7q2@temoins.gradeshdf.example";
    private const string Phone = "07 00 00 12 34";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<VigieTestServer> StartAsync(string provider = TestDatabase.Sqlite) =>
        VigieTestServer.StartAsync(provider, settings: s => s with { Detection = s.Detection with { ReportOnly = true } });

    private static async Task<(string Canary, string Session)> PlantAndLeakAsync(VigieTestServer server)
    {
        var patient = Patients.Make("CANARY-7", family: "Vasseur", given: ["Odette"], birthDate: "1948-07-21", gender: AdministrativeGender.Female);
        patient.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, "Odette.Vasseur.K7Q2@temoins.gradeshdf.example"),
            new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Phone, null, Phone)];
        var (_, canary) = await server.CreateAsync(patient);
        await using (var db = server.Database.NewContext())
        {
            var planted = await CanaryPlanting.PlantAsync(db, new PatientId(canary!.Id), new Finess(VigieTestServer.Finess), Email, "+33 7 00 00 12 34", TimeProvider.System.GetUtcNow(), default);
            Assert.True(planted.Success, planted.Error);
            var stored = await db.Identities.AsNoTracking().SingleAsync(i => i.Id == canary.Id);
            Assert.DoesNotContain("canary", stored.BirthName + stored.Emails + stored.Phones, StringComparison.OrdinalIgnoreCase);
        }

        // The physician looks the canary up: a disclosure, journaled (detection then contains the account).
        var (read, found) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family:exact=VASSEUR&birthdate=1948-07-21", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Single(found!.Entry);
        var sessions = (await JournalReader.EntriesAsync(server)).Where(e => e.Patient?.Value == canary.Id && e.Actor.ProfessionalId == TestPrincipals.Physician)
            .Select(e => e.Request.Session!).Distinct().ToList();
        return (canary.Id, Assert.Single(sessions));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MessageToACanaryEmail_OpensOneIncident_NamingExactlyTheAccountAndSessionThatReadIt(string provider)
    {
        await using var server = await StartAsync(provider);
        var (canary, session) = await PlantAndLeakAsync(server);
        var officer = server.As(server.Tokens.Officer);

        var message = new
        {
            to = new[] { "Odette Vasseur <ODETTE.VASSEUR.K7Q2@temoins.gradeshdf.example>" },
            from = "Assurance Maladie <securite@ameli-remboursement.example>",
            text = "Madame Vasseur, un remboursement de 312,40 EUR vous attend : https://ameli-remboursement.example/r",
            headers = "Subject: Remboursement",
        };
        var response = await officer.PostAsJsonAsync("/admin/canary-messages", message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attribution = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributions").EnumerateArray());
        Assert.Equal(canary, attribution.GetProperty("canary").GetString());
        Assert.True(attribution.GetProperty("opened").GetBoolean());
        var id = attribution.GetProperty("incident").GetString()!;

        var incident = await officer.GetFromJsonAsync<JsonElement>("/admin/incidents/" + id);
        Assert.Equal([TestPrincipals.Physician], incident.GetProperty("selectors").GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([session], incident.GetProperty("selectors").GetProperty("sessions").EnumerateArray().Select(a => a.GetString()));

        // Later hits (an SMS to its number, the same email again) land in the same incident, recorded as evidence.
        var sms = await officer.PostAsJsonAsync("/admin/canary-messages", new { to = new[] { "+33700001234" }, from = "AMELI", text = "Votre dossier est incomplet." });
        var again = await officer.PostAsJsonAsync("/admin/canary-messages", message);
        foreach (var later in new[] { sms, again })
        {
            var a = Assert.Single((await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributions").EnumerateArray());
            Assert.Equal((id, false), (a.GetProperty("incident").GetString(), a.GetProperty("opened").GetBoolean()));
        }

        await using var db = server.Database.NewContext();
        Assert.Equal(1, await db.Incidents.CountAsync());
        var hits = await db.CanaryHits.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([Email, "0700001234", Email], hits.Select(h => h.Contact));
        Assert.All(hits, h => Assert.Equal((int)CanaryHitSource.MonitoredMessage, h.Source));
        Assert.Equal((int)IncidentOrigin.CanaryContact, (await db.Incidents.SingleAsync()).Origin);

        // The incident's evidence, for the security team; message texts escaped for careless viewers.
        var listed = await officer.GetStringAsync("/admin/canary-hits?incident=" + id);
        var evidence = JsonDocument.Parse(listed).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, evidence.Count);
        Assert.All(evidence, h => Assert.Equal(canary, h.GetProperty("canary").GetString()));
        Assert.Equal("Votre dossier est incomplet.", evidence[1].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/admin/canary-hits?incident=INC-x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.As(server.Tokens.Vigilance).GetAsync("/admin/canary-hits")).StatusCode);

        // Mail naming no canary is answered, and changes nothing.
        var unrelated = await officer.PostAsJsonAsync("/admin/canary-messages", new { to = new[] { "someone@example.org" }, text = "Bonjour" });
        Assert.Equal(0, (await unrelated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("canaries").GetInt32());
        Assert.Equal(3, await db.CanaryHits.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PortalReportNamingACanaryContact_OpensTheIncident_AndTheReporterSeesTheUsualPage(string provider)
    {
        await using var server = await StartAsync(provider);
        var (canary, session) = await PlantAndLeakAsync(server);

        var (plain, plainPage) = await PostAsync(server.Client, "/signaler", ("type", "courriel"), ("expediteur", "alerte@colis-bloque.example"), ("texte", "Votre colis est bloqué."));
        var (named, namedPage) = await PostAsync(server.Client, "/signaler", ("type", "courriel"), ("expediteur", "Ameli <securite@ameli-remboursement.example>"),
            ("texte", "Madame Vasseur, un remboursement vous attend."), ("entetes", "Received: from mx.ameli-remboursement.example\nTo: " + Email + "\nSubject: Remboursement"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (plain.StatusCode, named.StatusCode));
        Assert.Equal(plainPage, namedPage);

        // Attributed in the background (the reporter's answer must not take longer when a canary is named).
        await using var db = server.Database.NewContext();
        var attributed = await WaitForAsync(async () => await db.CanaryHits.AnyAsync());
        Assert.True(attributed, "the report naming the canary was not attributed within 30 s");
        var incident = Assert.Single(await IncidentStore.ListAsync(db, null, default));
        Assert.Equal(IncidentOrigin.CanaryContact, incident.Origin);
        Assert.Equal([TestPrincipals.Physician], incident.Selectors.Accounts);
        Assert.Equal([session], incident.Selectors.Sessions);
        Assert.Equal(CanaryIncident.Key(new PatientId(canary), 1), incident.AlertId);
        var hit = await db.CanaryHits.AsNoTracking().SingleAsync();
        var report = await db.PhishingReports.AsNoTracking().OrderBy(r => r.Id).LastAsync();
        Assert.Equal((report.Id, (int)CanaryHitSource.PhishingReport, incident.Id.Value), (hit.PhishingReportId, hit.Source, hit.IncidentId));
    }

    [Fact]
    public async Task CanaryMessage_FromTheCommandLine_OpensThenAddsToTheIncident()
    {
        await using var server = await StartAsync();
        var (canary, session) = await PlantAndLeakAsync(server);
        var data = server.Settings.DataDirectory;
        var text = Path.Combine(data, "sms.txt");
        await File.WriteAllTextAsync(text, "Votre dossier de remboursement est incomplet.");

        var first = await VigieProcess.RunAsync("canary", "message", "--data", data, "--to", "07.00.00.12.34", "--from", "AMELI", "--text-file", text);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(canary + "\tINC-1\topened", first.Stdout.Trim());
        var second = await VigieProcess.RunAsync("canary", "message", "--data", data, "--to", Email, "--json");
        Assert.Equal("INC-1", JsonDocument.Parse(second.Stdout).RootElement.GetProperty("attributions")[0].GetProperty("incident").GetString());
        var none = await VigieProcess.RunAsync("canary", "message", "--data", data, "--to", "someone@example.org");
        Assert.Equal(3, none.ExitCode);

        await using var db = server.Database.NewContext();
        var incident = Assert.Single(await IncidentStore.ListAsync(db, null, default));
        Assert.Equal([session], incident.Selectors.Sessions);
        Assert.Equal("Votre dossier de remboursement est incomplet.", (await db.CanaryHits.AsNoTracking().OrderBy(h => h.Id).FirstAsync()).Text);
    }

    [Fact]
    public async Task HitOnACanaryNobodyReceived_IsRecorded_WithoutIncident()
    {
        // Enforced detection: the physician's look-up of the canary is refused, so the journal shows no disclosure.
        await using var server = await VigieTestServer.StartAsync();
        var patient = Patients.Make("CANARY-8", family: "Vasseur", given: ["Odette"], birthDate: "1948-07-21", gender: AdministrativeGender.Female);
        patient.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, Email)];
        var (_, canary) = await server.CreateAsync(patient);
        await using var db = server.Database.NewContext();
        Assert.True((await CanaryPlanting.PlantAsync(db, new PatientId(canary!.Id), new Finess(VigieTestServer.Finess), Email, null, TimeProvider.System.GetUtcNow(), default)).Success);
        var (refused, _) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family:exact=VASSEUR&birthdate=1948-07-21", server.Tokens.Physician);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var response = await server.As(server.Tokens.Officer).PostAsJsonAsync("/admin/canary-messages", new { to = new[] { Email }, text = "Bonjour" });
        var attribution = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, attribution.GetProperty("incident").ValueKind);
        Assert.Equal(0, await db.Incidents.CountAsync());
        Assert.Null((await db.CanaryHits.AsNoTracking().SingleAsync()).IncidentId);

        // A second canary cannot take the same monitored contact: a message to it must name one canary.
        var twin = Patients.Make("CANARY-9", family: "Lemaire", given: ["Rose"], birthDate: "1951-02-03", gender: AdministrativeGender.Female);
        twin.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, Email)];
        var (_, second) = await server.CreateAsync(twin);
        var refusedTwin = await CanaryPlanting.PlantAsync(db, new PatientId(second!.Id), new Finess(VigieTestServer.Finess), Email, null, TimeProvider.System.GetUtcNow(), default);
        Assert.Contains("another canary", refusedTwin.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MARTIN", "Lea", "1980-05-17", null)] // family + given + gender: MARTIN finds MARTINEZ, LEA finds LEANNE
    [InlineData("MART", "Paul", "1948-07-21", null)] // family + birth date, a prefix of the canary's name
    [InlineData("DUVAL", "Lea", "1980-05-17", "MARTIN")] // the same search under the real patient's used name
    [InlineData("MARTINEZ", "Rose", "1948-07-22", null)] // family + birth date typed a day off
    public async Task CanaryThatASearchForARealPatientFinds_IsNotPlanted(string realFamily, string realGiven, string realBirthDate, string? realUsedName)
    {
        await using var server = await VigieTestServer.StartAsync();
        var gender = realGiven == "Paul" ? AdministrativeGender.Male : AdministrativeGender.Female;
        await server.CreateAsync(Patients.Make("REAL-1", family: realFamily, given: [realGiven], birthDate: realBirthDate, gender: gender, usedName: realUsedName));
        var patient = Patients.Make("CANARY-10", family: "Martinez", given: ["Leanne"], birthDate: "1948-07-21", gender: AdministrativeGender.Female);
        patient.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, Email)];
        var (_, canary) = await server.CreateAsync(patient);
        await using var db = server.Database.NewContext();

        var planted = await CanaryPlanting.PlantAsync(db, new PatientId(canary!.Id), new Finess(VigieTestServer.Finess), Email, null, TimeProvider.System.GetUtcNow(), default);

        Assert.False(planted.Success);
        Assert.Contains("a search for a real patient would find this identity", planted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(realFamily, planted.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await db.Canaries.CountAsync());
    }

    [Fact]
    public async Task CanaryBesideARealPatientNoSearchConfuses_IsPlanted()
    {
        // Same surname, another given name that does not begin the canary's, another birth date: no search for the
        // real patient finds the canary.
        await using var server = await VigieTestServer.StartAsync();
        await server.CreateAsync(Patients.Make("REAL-2", family: "Martinez", given: ["Rose"], birthDate: "1960-01-01", gender: AdministrativeGender.Female));
        var patient = Patients.Make("CANARY-11", family: "Martinez", given: ["Leanne"], birthDate: "1948-07-21", gender: AdministrativeGender.Female);
        patient.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, Email)];
        var (_, canary) = await server.CreateAsync(patient);
        await using var db = server.Database.NewContext();

        var planted = await CanaryPlanting.PlantAsync(db, new PatientId(canary!.Id), new Finess(VigieTestServer.Finess), Email, null, TimeProvider.System.GetUtcNow(), default);

        Assert.True(planted.Success, planted.Error);
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task CanaryMessages_AreForSecurityOfficersOnly_AndBadInputIsA400()
    {
        await using var server = await VigieTestServer.StartAsync();
        var body = new { to = new[] { Email }, text = "x" };
        foreach (var token in new[] { server.Tokens.Physician, server.Tokens.Vigilance, server.Tokens.SystemChu })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await server.As(token).PostAsJsonAsync("/admin/canary-messages", body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.PostAsJsonAsync("/admin/canary-messages", body)).StatusCode);
        var officer = server.As(server.Tokens.Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/admin/canary-messages", new { text = "no recipient" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/admin/canary-messages", new { to = new[] { Email }, text = new string('x', 20_001) })).StatusCode);
    }
}
