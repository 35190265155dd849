using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Notices;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>
/// `vigie canary plant`: marks a registered identity's email and phone as monitored canary contacts;
/// `vigie canary message`: attributes a message received by a monitored contact (or a stored portal report, --report).
/// </summary>
internal static class CanaryCommand
{
    public static Command Create()
    {
        var command = new Command("canary", "Canary contacts: plant them, and attribute the messages they receive to the accounts that leaked them.");
        command.Subcommands.Add(Plant());
        command.Subcommands.Add(Message());
        return command;
    }

    private static Command Plant()
    {
        var command = new Command("plant", "Monitor a registered identity's email address and phone number as canary contacts.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var patient = new Option<string>("--patient") { Description = "The identity's id (registered like any other)", Required = true };
        var finess = new Option<string>("--finess") { Description = "The establishment it is planted in", Required = true };
        var email = new Option<string?>("--email") { Description = "The monitored email address (on the identity's record)" };
        var phone = new Option<string?>("--phone") { Description = "The monitored phone number (on the identity's record)" };
        foreach (var option in new Option[] { patient, finess, email, phone })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var id = PatientId.Parse(result.GetValue(patient));
            var establishment = Finess.Parse(result.GetValue(finess));
            if (!id.Success || !establishment.Success)
            {
                await Console.Error.WriteLineAsync(id.Error ?? establishment.Error).ConfigureAwait(false);
                return 1;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var planted = await CanaryPlanting.PlantAsync(db, id.Value, establishment.Value, result.GetValue(email), result.GetValue(phone), TimeProvider.System.GetUtcNow(), ct)
                .ConfigureAwait(false);
            if (!planted.Success)
            {
                await Console.Error.WriteLineAsync(planted.Error).ConfigureAwait(false);
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{planted.Value.IdentityId}\tplanted\t{planted.Value.PlantedAt:O}"));
            return 0;
        });
        return command;
    }

    private static Command Message()
    {
        var command = new Command("message", "Attribute a message received by a monitored canary contact: opens the canary's incident, or adds to it.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var to = IncidentCli.Many("--to", "A recipient address or number, as received; repeatable");
        var from = new Option<string?>("--from") { Description = "The sender, as received" };
        var textFile = new Option<FileInfo?>("--text-file") { Description = "The message text (UTF-8)" };
        var headersFile = new Option<FileInfo?>("--headers-file") { Description = "The email headers (UTF-8)" };
        var received = IncidentCli.Time("--received", "When it was received; default now");
        var report = new Option<long?>("--report") { Description = "Attribute a stored portal report instead (its id in /admin/phishing-reports)" };
        var json = IncidentCli.Json();
        foreach (var option in new Option[] { to, from, textFile, headersFile, received, report, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var now = TimeProvider.System.GetUtcNow();
            var input = result.GetValue(report) is { } reportId
                ? await FromReportAsync(db, reportId, ct).ConfigureAwait(false)
                : await FromFilesAsync(result.GetValue(to) ?? [], result.GetValue(from), result.GetValue(textFile), result.GetValue(headersFile), result.GetValue(received) ?? now, ct)
                    .ConfigureAwait(false);
            if (input.Error is { } error)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return 1;
            }

            var attributed = await CanaryHits.RecordAsync(db, input.Mentions!, input.Hit!, now, NullLogger.Instance, ct).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await IncidentCli.WriteJsonAsync(CanaryHits.Json(attributed), ct).ConfigureAwait(false);
            }
            else
            {
                foreach (var a in attributed)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{a.Canary}\t{a.Incident?.Id.ToString() ?? "-"}\t{(a.Incident is null ? "nobody received it" : a.Opened ? "opened" : "added")}"));
                }
            }

            // 3: no canary contact in the message (the mailbox may receive unrelated mail); not an error of the command.
            return attributed.Count == 0 ? 3 : 0;
        });
        return command;
    }

    private sealed record Input(ContactMentions? Mentions, CanaryAttribution.Hit? Hit, string? Error = null);

    private static async Task<Input> FromFilesAsync(string[] to, string? from, FileInfo? textFile, FileInfo? headersFile, DateTimeOffset received, CancellationToken ct)
    {
        if (to.Length == 0)
        {
            return new Input(null, null, "give --to (the monitored address or number that received the message)");
        }

        var text = textFile is null ? null : await File.ReadAllTextAsync(textFile.FullName, ct).ConfigureAwait(false);
        var headers = headersFile is null ? null : await File.ReadAllTextAsync(headersFile.FullName, ct).ConfigureAwait(false);
        if (text is { Length: > SuspiciousMessage.MaxText } || headers is { Length: > SuspiciousMessage.MaxHeaders } || from is { Length: > SuspiciousMessage.MaxSender })
        {
            return new Input(null, null, $"the text, headers and sender keep at most {SuspiciousMessage.MaxText}, {SuspiciousMessage.MaxHeaders} and {SuspiciousMessage.MaxSender} characters");
        }

        return new Input(ContactMentions.In([.. to, from, headers, text]), new CanaryAttribution.Hit(CanaryHitSource.MonitoredMessage, received, from, text, headers));
    }

    private static async Task<Input> FromReportAsync(VigieDbContext db, long id, CancellationToken ct)
    {
        var report = await db.PhishingReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        return report is null
            ? new Input(null, null, "no phishing report " + id.ToString(CultureInfo.InvariantCulture))
            : new Input(ContactMentions.In(report.Sender, report.Headers, report.Text), new CanaryAttribution.Hit(CanaryHitSource.PhishingReport, report.ReceivedAt, PhishingReportId: id));
    }
}
