using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Vigie.Hosting;
using Vigie.Notices;
using Vigie.Storage.Notices;

namespace Vigie.Cli;

/// <summary>
/// `vigie notify --incident ID --targets FILE --notice FILE [...]`: notifies the affected people of an incident
/// (GDPR Art. 34). Running the same command again resumes: nobody is sent twice and nobody is skipped.
/// `vigie notify status --incident ID`: counts per channel and status, as JSON.
/// Exit codes: 0 nothing left to send, 1 refused input, 2 usage, 3 another run of the incident is alive,
/// 4 stopped with notifications left to send (run it again).
/// </summary>
internal static class NotifyCommand
{
    public static Command Create()
    {
        var command = new Command("notify", "Notify the people affected by an incident (email, SMS, printed letters); run again to resume.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incident = new Option<string>("--incident") { Description = "Incident id (1-64 of A-Z a-z 0-9 . _ : -)", Required = true };
        var targets = new Option<FileInfo>("--targets") { Description = "Affected people: JSON lines (or a JSON array) of {patientId, displayName, email, phone, address, exposed}", Required = true };
        var notice = new Option<FileInfo>("--notice") { Description = "Notice facts: JSON {organisation, organisationShort, kind, from, to, detectedOn, measures, dpo, portalAddress}", Required = true };
        var smtpHost = new Option<string?>("--smtp-host") { Description = "SMTP relay host (required when someone has an email address). Default: $VIGIE_SMTP_HOST", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_SMTP_HOST") };
        var smtpPort = new Option<int>("--smtp-port") { Description = "SMTP relay port. Default 25", DefaultValueFactory = _ => 25 };
        var smtpSecurity = new Option<string>("--smtp-security") { Description = "none | starttls | starttls-when-available | tls. Default starttls-when-available", DefaultValueFactory = _ => "starttls-when-available" };
        var smtpFrom = new Option<string?>("--smtp-from") { Description = "Sender, e.g. \"GRADeS HDF <ne-pas-repondre@gradeshdf.example>\"" };
        var smtpUser = new Option<string?>("--smtp-user") { Description = "SMTP user, when the relay asks for authentication (password in $VIGIE_SMTP_PASSWORD)" };
        var connections = new Option<int>("--smtp-connections") { Description = "Parallel SMTP connections. Default 4", DefaultValueFactory = _ => 4 };
        var smsFile = new Option<string?>("--sms-file") { Description = "Demo SMS provider: JSON lines file. Default DATA/notices/sms.jsonl" };
        var letters = new Option<string?>("--letters") { Description = "Directory for printable letter batches. Default DATA/notices/lettres" };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per message before giving up. Default 5", DefaultValueFactory = _ => 5 };
        var staleAfter = Durations.Option("--stale-after", "A run whose heartbeat is older than this is taken for dead. Default 30s", TimeSpan.FromSeconds(30));
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        foreach (var o in new Option[] { incident, targets, notice, smtpHost, smtpPort, smtpSecurity, smtpFrom, smtpUser, connections, smsFile, letters, attempts, staleAfter, json })
        {
            command.Options.Add(o);
        }

        command.Subcommands.Add(Status());
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            var incidentId = result.GetValue(incident)!;
            if (!IsIncidentId(incidentId))
            {
                return await FailAsync(2, "--incident: 1 to 64 of A-Z a-z 0-9 . _ : -").ConfigureAwait(false);
            }

            var facts = await NoticeInputFiles.ReadFactsAsync(result.GetValue(notice)!.FullName, ct).ConfigureAwait(false);
            if (!facts.Success)
            {
                return await FailAsync(1, "the notice was refused: " + facts.Error).ConfigureAwait(false);
            }

            var (people, errors) = await NoticeInputFiles.ReadTargetsAsync(result.GetValue(targets)!.FullName, ct).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return await FailAsync(1, "the targets were refused; nothing was planned or sent:\n  " + string.Join("\n  ", errors.Take(50))).ConfigureAwait(false);
            }

            SmtpOptions? smtp = null;
            if (result.GetValue(smtpHost) is { Length: > 0 } host)
            {
                if (!MailboxAddress.TryParse(result.GetValue(smtpFrom) ?? "", out var from) || SmtpOptions.ParseSecurity(result.GetValue(smtpSecurity)!) is not { } security)
                {
                    return await FailAsync(2, "--smtp-from must be a mailbox (\"Name <address>\") and --smtp-security one of none, starttls, starttls-when-available, tls").ConfigureAwait(false);
                }

                smtp = new SmtpOptions(host, result.GetValue(smtpPort), security, from, result.GetValue(smtpUser), Environment.GetEnvironmentVariable("VIGIE_SMTP_PASSWORD"),
                    Math.Clamp(result.GetValue(connections), 1, 32));
            }

            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            var notices = Path.Combine(settings.DataDirectory, "notices");
            using var sms = new FileSmsSender(result.GetValue(smsFile) ?? Path.Combine(notices, "sms.jsonl"), TimeProvider.System);
            var options = new NotificationRunOptions(incidentId, facts.Value, smtp?.From.Domain ?? "vigie.invalid", smtp, sms, result.GetValue(letters) ?? Path.Combine(notices, "lettres"))
            {
                MaxAttempts = Math.Clamp(result.GetValue(attempts), 1, 20),
                StaleAfter = result.GetValue(staleAfter),
            };
            var progress = new Progress<NotificationProgress>(p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notify {p.Phase}: {p.Sent} sent, {p.Failed} failed, {p.Retrying} retried, of {p.Total} ({p.Elapsed.TotalSeconds:F0} s, {(p.Elapsed.TotalSeconds > 0 ? p.Sent / p.Elapsed.TotalSeconds : 0):F0}/s)")));
            var outcome = await NotificationRun.RunAsync(options, people, NoticeKeys.LoadOrCreate(settings.DataDirectory), () => StorageSetup.CreateContext(settings),
                TimeProvider.System, NullLogger.Instance, progress, ct).ConfigureAwait(false);
            Console.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(outcome, NoticeInputFiles.Json)
                : string.Create(CultureInfo.InvariantCulture,
                    $"incident {incidentId}: {outcome.Targets} targets, {outcome.NewlyPlanned} newly planned ({outcome.Unreachable} without contact), {outcome.Resumed} resumed, {outcome.Sent} sent, {outcome.Failed} failed, {outcome.LeftPending} left to send ({outcome.NotInInput} not in these targets)"));
            foreach (var file in outcome.LetterFiles)
            {
                Console.Error.WriteLine("letters: " + file);
            }

            if (outcome.Stopped is not null)
            {
                Console.Error.WriteLine("stopped: " + outcome.Stopped);
            }

            return outcome.LockBusy ? 3 : outcome.LeftPending > 0 ? 4 : 0;
        });
        return command;
    }

    private static Command Status()
    {
        var status = new Command("status", "Counts of an incident's notifications per channel and status (JSON).");
        var (data, postgres) = CommonOptions.AddTo(status);
        var incident = new Option<string>("--incident") { Description = "Incident id", Required = true };
        status.Options.Add(incident);
        status.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var counts = await NotificationStore.CountAsync(db, result.GetValue(incident)!, ct).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(counts, NoticeInputFiles.Json));
            return 0;
        });
        return status;
    }

    internal static bool IsIncidentId(string? id) =>
        id is { Length: > 0 and <= NoticeLimits.IncidentId } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    private static async Task<int> FailAsync(int code, string message)
    {
        await Console.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        return code;
    }
}
