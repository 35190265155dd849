using System.CommandLine;
using Vigie.Core.Incidents;
using Vigie.Hosting;
using Vigie.Incidents;

namespace Vigie.Cli;

/// <summary>
/// `vigie incident declarations`: the CNIL (GDPR Art. 33) and ARS / CERT Santé drafts, in French, with the 72-hour
/// clock. Printed as Markdown (or JSON), or written to --out as two Markdown files and one JSON file. They hold
/// counts, not patients, so nothing is journaled.
/// </summary>
internal static class IncidentDeclarationsCommand
{
    public static Command Create()
    {
        var command = new Command("declarations", "Write the CNIL and ARS / CERT Santé declaration drafts.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incidentOption = IncidentCli.IncidentOption();
        var output = new Option<string?>("--out") { Description = "Directory to write the drafts to; default: print them" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation file (default: organisation.json in the data directory)" };
        var json = IncidentCli.Json();
        foreach (var option in new Option[] { incidentOption, output, organisation, json })
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
            var investigation = await IncidentWorkflow.InvestigateAsync(db, incident, IncidentCli.Trust(settings), proofs: false, pivots: false, now, ct).ConfigureAwait(false);
            var set = Declarations.Build(incident, investigation.Scope, profile, zone, now);
            if (result.GetValue(output) is { } directory)
            {
                foreach (var file in await IncidentFiles.WriteDeclarationsAsync(directory, set, zone, ct).ConfigureAwait(false))
                {
                    Console.WriteLine(Path.Combine(directory, file));
                }
            }
            else if (result.GetValue(json))
            {
                await IncidentCli.WriteJsonAsync(IncidentWorkflow.Declarations(set, zone), ct).ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine(DeclarationMarkdown.Render(set.Cnil, zone));
                Console.WriteLine(DeclarationMarkdown.Render(set.HealthIncident, zone));
            }

            return 0;
        });
        return command;
    }
}
