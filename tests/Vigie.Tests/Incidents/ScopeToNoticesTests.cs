using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using MimeKit;
using Vigie.Tests.Support;
using static Vigie.Tests.Portal.PortalFixture;

namespace Vigie.Tests.Incidents;

/// <summary>
/// From the attack to the letters, every part real: an account harvests patients over HTTP with a real token; the
/// officer opens the incident and its scope equals what the attacking client received; `vigie incident notices`
/// and `vigie notify` (real processes) send to Debian's aiosmtpd; every affected person, and nobody else, receives
/// exactly one message, whose reference the public portal confirms as genuine.
/// </summary>
public sealed class ScopeToNoticesTests
{
    private const int Population = 8;
    private static readonly int[] Harvested = [0, 1, 2, 3, 4];

    private static string EmailOf(int i) => "personne" + i.ToString(CultureInfo.InvariantCulture) + "@example.org";

    public static TheoryData<string> Providers => Vigie.Testing.TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AttackOverHttp_ScopeNoticesAndSmtp_EveryAffectedPersonGetsOneGenuineMessage_AndNobodyElse(string provider)
    {
        await using var server = await VigieTestServer.StartAsync(provider);
        await using var smtp = await Aiosmtpd.StartAsync(Path.Combine(server.Settings.DataDirectory, "maildir"));
        var ids = new string[Population];
        for (var i = 0; i < Population; i++)
        {
            var patient = Patients.Make("NOTIF-" + i, family: "Martin" + (char)('a' + i), given: ["Claire"], birthDate: "1975-04-1" + i, gender: AdministrativeGender.Female);
            patient.Telecom = [new Hl7.Fhir.Model.ContactPoint(Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email, null, EmailOf(i))];
            var (created, resource) = await server.CreateAsync(patient);
            Assert.True(created.IsSuccessStatusCode, created.StatusCode.ToString());
            ids[i] = resource!.Id!;
        }

        var start = TimeProvider.System.GetUtcNow().AddSeconds(-1);

        // The attacker's client records what it actually received; a colleague works on another patient meanwhile.
        var received = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in Harvested)
        {
            var (response, bundle) = await server.SendAsync<Bundle>(HttpMethod.Get, $"/fhir/Patient?family:exact=MARTIN{(char)('A' + i)}&birthdate=1975-04-1{i}", server.Tokens.Physician);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            received.UnionWith(bundle!.Entry.Select(e => e.Resource.Id!));
        }

        var (colleague, _) = await server.SendAsync<Bundle>(HttpMethod.Get, "/fhir/Patient?family:exact=MARTING&birthdate=1975-04-16", server.Tokens.Nurse);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        Assert.Equal(Harvested.Select(i => ids[i]).Order(), received.Order());

        // The officer opens the incident on the account; its scope is exactly what the client received.
        var officer = server.As(server.Tokens.Officer);
        var opened = await officer.PostAsJsonAsync("/admin/incidents",
            new { title = "Extraction depuis un compte usurpé", from = start, to = TimeProvider.System.GetUtcNow().AddMinutes(1), accounts = new[] { TestPrincipals.Physician } });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var scope = await officer.GetFromJsonAsync<JsonElement>($"/admin/incidents/{id}/scope?proofs=false");
        Assert.Equal(received.Order(), scope.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).Order());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/admin/incidents/{id}/status", new { status = "contained" })).StatusCode);

        // The scope's people become the inputs of `vigie notify`, which sends them over SMTP.
        var data = server.Settings.DataDirectory;
        await File.WriteAllTextAsync(Path.Combine(data, "organisation.json"),
            "{ \"name\": \"GRADeS Hauts-de-France\", \"dpo\": { \"name\": \"Claire Dupuis\", \"email\": \"dpo@gradeshdf.example\", \"phone\": \"03 20 00 00 01\", \"address\": \"1 rue du Test, 59000 Lille\" } }");
        var notices = Path.Combine(data, "notices");
        string[] database = server.Database.PostgresConnectionString is { } pg ? ["--data", data, "--postgres", pg] : ["--data", data];
        var exported = await VigieProcess.RunAsync(["incident", "notices", .. database, "--incident", id, "--portal", "https://vigie.example.fr/verifier",
            "--short-name", "GRADeS", "--out", notices]);
        Assert.True(exported.ExitCode == 0, exported.Stderr);
        var sent = await VigieProcess.RunAsync(["notify", .. database, "--incident", id, "--targets", Path.Combine(notices, "targets.jsonl"),
            "--notice", Path.Combine(notices, "notice.json"), "--smtp-host", "127.0.0.1", "--smtp-port", smtp.Port.ToString(CultureInfo.InvariantCulture),
            "--smtp-security", "none", "--smtp-from", "GRADeS HDF <ne-pas-repondre@gradeshdf.example>"]);
        Assert.True(sent.ExitCode == 0, sent.Stderr + sent.Stdout);

        // Every affected person once, nobody else; each reference genuine on the portal.
        var messages = smtp.Delivered().Select(f => MimeMessage.Load(f)).ToList();
        var recipients = messages.Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Harvested.Select(EmailOf).Order(), recipients.Order());
        foreach (var message in messages)
        {
            var reference = NoticeFixtureReference(message.TextBody);
            var (response, page) = await PostAsync(server.Client, "/verifier", ("reference", reference));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Ce message est authentique", page, StringComparison.Ordinal);
        }

        Assert.Equal(messages.Count, messages.Select(m => NoticeFixtureReference(m.TextBody)).Distinct().Count());
    }

    private static string NoticeFixtureReference(string text) => Notices.NoticeFixtures.ReferenceIn(text).ToString();
}
