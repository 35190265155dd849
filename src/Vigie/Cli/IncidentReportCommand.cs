using System.CommandLine;
using System.Text.Json;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>
/// `vigie incident report --out DIR`: the HTML report (French, self-contained, charts inline), the CSV of affected
/// people, the full scope as JSON with its proofs, and both declaration drafts. The people are journaled as an
/// export before anything is written. With --pdf, report.pdf too, printed by headless Chromium when one is configured
/// (--chromium PATH or $VIGIE_CHROMIUM); otherwise the PDF is skipped with a message and the rest is written.
/// </summary>
internal static class IncidentReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Write the incident report (HTML), the affected people (CSV), the scope (JSON) and the declaration drafts.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incidentOption = IncidentCli.IncidentOption();
        var output = new Option<string>("--out") { Description = "Directory to write to", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation file (default: organisation.json in the data directory)" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print report.pdf with headless Chromium (skipped with a message when none is configured)" };
        var chromium = new Option<string?>("--chromium") { Description = "Chromium executable for --pdf, e.g. /usr/bin/chromium (default: $" + ReportPdf.Variable + ")" };
        foreach (var option in new Option[] { incidentOption, output, organisation, pdf, chromium })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var incident = await IncidentCli.LoadAsync(db, result.GetValue(incidentOption), ct).ConfigureAwait(false);
            if (incident is null)
            {
                return IncidentCli.NotFound;
            }

            var (profile, zone) = OrganisationFile.Load(settings.DataDirectory, result.GetValue(organisation));
            var now = TimeProvider.System.GetUtcNow();
            var investigation = await IncidentWorkflow.InvestigateAsync(db, incident, IncidentCli.Trust(settings), proofs: true, pivots: true, now, ct).ConfigureAwait(false);
            var people = await AffectedPeopleQuery.LoadAsync(db, investigation.Scope, ct).ConfigureAwait(false);
            if (!await IncidentCli.JournalAsync(settings, JournalAction.AuditExport, people.SelectMany(p => p.DisclosedAs), "report", incident.Id, ct).ConfigureAwait(false))
            {
                return IncidentCli.JournalUnavailable;
            }

            var directory = result.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var html = ReportHtml.Render(new ReportHtml.Data(incident, investigation.Scope, investigation.Pivots, people,
                DeclarationClock.For(incident.DetectedAt, now), profile, zone, now));
            await IncidentFiles.WriteAsync(directory, IncidentFiles.Report, html, ct).ConfigureAwait(false);
            await IncidentFiles.WriteAsync(directory, IncidentFiles.Affected, AffectedCsv.Render(people), ct).ConfigureAwait(false);
            await IncidentFiles.WriteAsync(directory, IncidentFiles.Scope,
                JsonSerializer.Serialize(IncidentJson.Scope(incident.Id, investigation.Scope, investigation.Pivots), IncidentJson.Options), ct).ConfigureAwait(false);
            var written = new List<string> { IncidentFiles.Report, IncidentFiles.Affected, IncidentFiles.Scope };
            written.AddRange(await IncidentFiles.WriteDeclarationsAsync(directory, Declarations.Build(incident, investigation.Scope, profile, zone, now), zone, ct).ConfigureAwait(false));
            var pdfFailed = false;
            if (result.GetValue(pdf))
            {
                if (ReportPdf.Configured(result.GetValue(chromium)) is not { } browser)
                {
                    await Console.Error.WriteLineAsync($"{ReportPdf.FileName} skipped: no Chromium configured (give --chromium /usr/bin/chromium or set {ReportPdf.Variable}; Debian package: chromium)")
                        .ConfigureAwait(false);
                }
                else if (await ReportPdf.PrintAsync(browser, Path.Combine(directory, IncidentFiles.Report), Path.Combine(directory, ReportPdf.FileName), ct).ConfigureAwait(false) is { } failure)
                {
                    await Console.Error.WriteLineAsync(ReportPdf.FileName + " not written: " + failure).ConfigureAwait(false);
                    pdfFailed = true;
                }
                else
                {
                    written.Add(ReportPdf.FileName);
                }
            }

            foreach (var file in written)
            {
                Console.WriteLine(Path.Combine(directory, file));
            }

            // A PDF asked for, with a Chromium configured, that could not be printed is a failure; the other files are written.
            return pdfFailed ? 1 : 0;
        });
        return command;
    }
}
