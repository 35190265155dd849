using System.CommandLine;
using Vigie.Core.Incidents;
using Vigie.Hosting;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>`vigie incident status`: records containment, declaration or closure; and adds accepted pivot accounts.</summary>
internal static class IncidentStatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Change an incident's status, or add accounts accepted from the pivots.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var incidentOption = IncidentCli.IncidentOption();
        var set = new Option<IncidentStatus?>("--set") { Description = "Open, Contained, Declared or Closed" };
        var add = IncidentCli.Many("--add-professional", "Account to add to the incident (an accepted pivot); repeatable");
        command.Options.Add(incidentOption);
        command.Options.Add(set);
        command.Options.Add(add);
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

            var now = TimeProvider.System.GetUtcNow();
            if (result.GetValue(add) is { Length: > 0 } accounts)
            {
                var added = await IncidentStore.AddAccountsAsync(db, incident.Id, accounts, now, ct).ConfigureAwait(false);
                if (!added.Success)
                {
                    await Console.Error.WriteLineAsync(added.Error).ConfigureAwait(false);
                    return 1;
                }
            }

            if (result.GetValue(set) is { } status)
            {
                await IncidentStore.SetStatusAsync(db, incident.Id, status, now, ct).ConfigureAwait(false);
            }

            var updated = await IncidentStore.FindAsync(db, incident.Id, ct).ConfigureAwait(false);
            Console.WriteLine(updated!.Id + "\t" + updated.Status + "\t" + string.Join(",", updated.Selectors.Accounts));
            return 0;
        });
        return command;
    }
}
