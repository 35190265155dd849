using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Cli;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Seeding;

namespace Vigie.Demo;

/// <summary>
/// After the day: what the region's security officer does, through the same API and commands as in real life.
/// Opens the incident from the alerts (their sessions, not the whole accounts: the owners kept working), marks
/// it contained, computes the exact scope from the journal, saves the declaration drafts and the report, writes
/// the notices' inputs and sends them (email to the demo's local mailbox, SMS to a file, letters as printable
/// batches), and verifies the journal.
/// </summary>
internal sealed class DemoFinale(VigieSettings settings, HttpClient http, DemoConsole console, DemoScore score)
{
    public sealed record Result(string? Incident, int ScopePeople, int AttackerPeople, bool ScopeMatches, int UnalertedSessions, int UnalertedPeople, int Notices, int Emails, bool JournalVerifies, string Folder);

    public async Task<Result> RunAsync(DateTimeOffset dayStart, string portalUrl, CancellationToken ct)
    {
        var folder = Path.Combine(settings.DataDirectory, "incident");
        Directory.CreateDirectory(folder);
        WriteOrganisation();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OfficerToken());

        var alerts = await http.GetFromJsonAsync<JsonElement>("/admin/alerts?count=500", ct).ConfigureAwait(false);
        var sessions = alerts.EnumerateArray().Select(a => a.GetProperty("session").GetString()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        // What the client side knows: the patients the alerted sessions received (the scope must equal it), and the
        // attacker sessions no alert names (their patients are outside this incident, and the summary says so).
        var selected = sessions.ToHashSet(StringComparer.Ordinal);
        var attackerPeople = score.Attackers().Where(a => selected.Contains(a.Session)).SelectMany(a => a.Disclosed).ToHashSet(StringComparer.Ordinal);
        var missed = score.Attackers().Where(a => !selected.Contains(a.Session)).ToList();
        var missedPeople = missed.SelectMany(a => a.Disclosed).ToHashSet(StringComparer.Ordinal).Count;
        if (sessions.Count == 0)
        {
            console.Line("Aucune alerte de session : pas d'incident à ouvrir.");
            return new Result(null, 0, 0, true, missed.Count, missedPeople, 0, 0, await VerifyJournalAsync(ct).ConfigureAwait(false), folder);
        }

        var first = alerts.EnumerateArray().First();
        var opened = await http.PostAsJsonAsync("/admin/incidents", new
        {
            title = "Usurpation de comptes de professionnels : collecte d'identités",
            from = dayStart,
            to = TimeProvider.System.GetUtcNow(),
            detectedAt = first.GetProperty("at").GetDateTimeOffset(),
            alertId = first.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
            sessions,
        }, ct).ConfigureAwait(false);
        opened.EnsureSuccessStatusCode();
        var incident = (await opened.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false)).GetProperty("id").GetString()!;
        (await http.PostAsJsonAsync($"/admin/incidents/{incident}/status", new { status = "contained" }, ct).ConfigureAwait(false)).EnsureSuccessStatusCode();
        console.Line($"Incident {incident} ouvert depuis l'alerte {first.GetProperty("id").GetInt64()} ({sessions.Count} session(s) d'attaquant) et marqué confiné.");

        var scope = await http.GetFromJsonAsync<JsonElement>($"/admin/incidents/{incident}/scope?proofs=false", ct).ConfigureAwait(false);
        var scopePeople = scope.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var matches = scopePeople.SetEquals(attackerPeople);
        console.Line(string.Format(French.Culture, "Périmètre exact (journal) : {0} personne(s) ; ces sessions en ont reçu {1} côté client ; identiques : {2}", scopePeople.Count, attackerPeople.Count, matches ? "oui" : "NON"));
        if (missed.Count > 0)
        {
            console.Line(string.Format(French.Culture, "Sessions d'attaquant qu'aucune alerte ne nomme : {0} ({1} patient(s) reçus), hors de cet incident", missed.Count, missedPeople));
        }

        await SaveAsync($"/admin/incidents/{incident}/declarations", Path.Combine(folder, "declarations.json"), ct).ConfigureAwait(false);
        await SaveAsync($"/admin/incidents/{incident}/report.html", Path.Combine(folder, "rapport.html"), ct).ConfigureAwait(false);
        await SaveAsync($"/admin/incidents/{incident}/affected.csv", Path.Combine(folder, "personnes-concernees.csv"), ct).ConfigureAwait(false);
        console.Line("Brouillons de déclaration CNIL et ARS / CERT Santé, rapport et liste des personnes : " + folder);

        var (notices, emails) = scopePeople.Count == 0 ? (0, 0) : await NotifyAsync(incident, portalUrl, folder, ct).ConfigureAwait(false);
        return new Result(incident, scopePeople.Count, attackerPeople.Count, matches, missed.Count, missedPeople, notices, emails, await VerifyJournalAsync(ct).ConfigureAwait(false), folder);
    }

    private async Task<(int Notices, int Emails)> NotifyAsync(string incident, string portalUrl, string folder, CancellationToken ct)
    {
        var inputs = Path.Combine(folder, "notifications");
        if (await CliAsync(["incident", "notices", "--data", settings.DataDirectory, "--incident", incident, "--portal", portalUrl, "--out", inputs, "--skip-refused"], ct).ConfigureAwait(false) != 0)
        {
            console.Line("Les entrées des notifications ont été refusées (voir ci-dessus).");
            return (0, 0);
        }

        var mailbox = Path.Combine(settings.DataDirectory, "notices", "boite-locale", "patients");
        await using var sink = new DemoMailSink(mailbox);
        var code = await CliAsync(["notify", "--data", settings.DataDirectory, "--incident", incident,
            "--targets", Path.Combine(inputs, IncidentNoticesCommand.TargetsFile), "--notice", Path.Combine(inputs, IncidentNoticesCommand.NoticeFile),
            "--smtp-host", "127.0.0.1", "--smtp-port", sink.Port.ToString(CultureInfo.InvariantCulture), "--smtp-security", "none",
            "--smtp-from", "GRADeS démo <ne-pas-repondre@grades-demo.example>"], ct).ConfigureAwait(false);
        var targets = File.ReadLines(Path.Combine(inputs, IncidentNoticesCommand.TargetsFile)).Count(l => l.Length > 0);
        console.Line(string.Format(French.Culture, "Notifications : {0} personne(s), dont {1} courriel(s) dans la boîte locale {2} ; SMS et courriers dans {3}{4}",
            targets, sink.Received, mailbox, Path.Combine(settings.DataDirectory, "notices"), code == 0 ? "" : " (envoi incomplet, code " + code + ")"));
        return (code == 0 ? targets : 0, sink.Received);
    }

    private async Task<bool> VerifyJournalAsync(CancellationToken ct) =>
        await CliAsync(["audit", "verify", "--data", settings.DataDirectory], ct).ConfigureAwait(false) == 0;

    private static async Task<int> CliAsync(string[] args, CancellationToken ct) =>
        await VigieCommandLine.Build().Parse(args).InvokeAsync(cancellationToken: ct).ConfigureAwait(false);

    private async Task SaveAsync(string path, string file, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private string OfficerToken()
    {
        var keys = SigningKeys.LoadOrCreate(settings.DataDirectory);
        var options = new BuiltInTokens.Options(BuiltInProvider.IssuerOf(settings), settings.Auth.Audience, TimeSpan.FromHours(1), "eidas1", TimeSpan.Zero);
        return BuiltInTokens.ForSecurityOfficer(keys, options, RegionSeeder.OfficerName, TimeProvider.System.GetUtcNow());
    }

    /// <summary>The demo organisation named in the drafts and notices (.example addresses: nothing can be sent there).</summary>
    private void WriteOrganisation()
    {
        var path = Path.Combine(settings.DataDirectory, OrganisationFile.FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, """
                {
                  "name": "GRADeS Hauts-de-France (démonstration)",
                  "region": "Hauts-de-France",
                  "address": "1 place de la Démonstration, 59000 Lille",
                  "dpo": { "name": "Délégué à la protection des données", "email": "dpo@grades-demo.example", "phone": "03 20 00 00 00" },
                  "securityOfficer": { "name": "Responsable de la sécurité", "email": "rssi@grades-demo.example", "phone": "03 20 00 00 01" },
                  "timeZone": "Europe/Paris"
                }
                """);
        }
    }
}
