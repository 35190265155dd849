using System.CommandLine;
using System.Globalization;
using Vigie.Core.Incidents;
using Vigie.Hosting;
using Vigie.Incidents;
using Vigie.Storage.Incidents;

namespace Vigie.Cli;

/// <summary>`vigie incident open`: records an incident naming accounts, sessions, IPs or user agents over a window.</summary>
internal static class IncidentOpenCommand
{
    public static Command Create()
    {
        var command = new Command("open", "Open an incident.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var professionals = IncidentCli.Many("--professional", "Account (national id, e.g. RPPS) used in the breach; repeatable");
        var sessions = IncidentCli.Many("--session", "Session id; repeatable");
        var ips = IncidentCli.Many("--ip", "Client IP; repeatable");
        var agents = IncidentCli.Many("--user-agent", "User-Agent value; repeatable");
        var from = IncidentCli.Time("--from", "Start of the window examined");
        var to = IncidentCli.Time("--to", "End of the window examined, excluded");
        var detected = IncidentCli.Time("--detected", "When the breach became known, the start of the 72-hour clock; default now");
        var alert = new Option<string?>("--alert") { Description = "The detection alert it comes from" };
        var title = new Option<string>("--title") { Description = "A short title, without patient data", DefaultValueFactory = _ => "Accès non autorisé au serveur d'identités" };
        var json = IncidentCli.Json();
        from.Required = true;
        to.Required = true;
        foreach (var option in new Option[] { professionals, sessions, ips, agents, from, to, detected, alert, title, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres);
            var selectors = IncidentSelectors.Create(result.GetValue(professionals), result.GetValue(sessions), result.GetValue(ips), result.GetValue(agents));
            var window = TimeWindow.Create(result.GetValue(from)!.Value, result.GetValue(to)!.Value);
            if (!selectors.Success || !window.Success)
            {
                await Console.Error.WriteLineAsync(selectors.Error ?? window.Error).ConfigureAwait(false);
                return 1;
            }

            var now = TimeProvider.System.GetUtcNow();
            var alertId = result.GetValue(alert);
            var request = new IncidentRequest(result.GetValue(title)!, alertId is null ? IncidentOrigin.Manual : IncidentOrigin.Alert, alertId, window.Value,
                selectors.Value, result.GetValue(detected) ?? now, "cli:" + Environment.UserName).Validate();
            if (!request.Success)
            {
                await Console.Error.WriteLineAsync(request.Error).ConfigureAwait(false);
                return 1;
            }

            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var (incident, created) = await IncidentStore.OpenAsync(db, request.Value, now, ct).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await IncidentCli.WriteJsonAsync(IncidentJson.Incident(incident), ct).ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{incident.Id}\t{(created ? "opened" : "already open for this alert")}"));
            }

            return 0;
        });
        return command;
    }
}
