using System.CommandLine;

namespace Vigie.Cli;

/// <summary>`vigie incident`: open incidents, compute their exact scope, write declarations and reports (one file per verb).</summary>
internal static class IncidentCommand
{
    public static Command Create()
    {
        var command = new Command("incident", "Incident response: exact breach scope from the journal, pivots, CNIL and ARS / CERT Santé drafts, reports.");
        command.Subcommands.Add(IncidentOpenCommand.Create());
        command.Subcommands.Add(IncidentScopeCommand.Create());
        command.Subcommands.Add(IncidentListCommand.Create());
        command.Subcommands.Add(IncidentDeclarationsCommand.Create());
        command.Subcommands.Add(IncidentReportCommand.Create());
        command.Subcommands.Add(IncidentStatusCommand.Create());
        command.Subcommands.Add(IncidentNoticesCommand.Create());
        return command;
    }
}
