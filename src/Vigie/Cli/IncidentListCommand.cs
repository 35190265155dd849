using System.CommandLine;
using System.Globalization;
using Vigie.Core.Incidents;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>`vigie incident list`: incidents, newest first.</summary>
internal static class IncidentListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List incidents, newest first.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var status = new Option<IncidentStatus?>("--status") { Description = "Only incidents with this status (Open, Contained, Declared, Closed)" };
        var json = IncidentCli.Json();
        command.Options.Add(status);
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var incidents = await IncidentStore.ListAsync(db, result.GetValue(status), ct).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await IncidentCli.WriteJsonAsync(incidents.Select(IncidentJson.Incident), ct).ConfigureAwait(false);
                return 0;
            }

            foreach (var i in incidents)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i.Id}\t{i.Status}\t{i.DetectedAt:yyyy-MM-dd'T'HH:mm'Z'}\t{i.Window.From:yyyy-MM-dd}..{i.Window.To:yyyy-MM-dd}\t{i.Title}"));
            }

            return 0;
        });
        return command;
    }
}
