using System.CommandLine;

namespace Vigie.Cli;

/// <summary>The `vigie` command line: one verb per file in this folder.</summary>
internal static class VigieCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Vigie: regional patient identity server (FHIR R4, INS identitovigilance).");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DuplicatesCommand.Create());
        root.Subcommands.Add(EstablishmentCommand.Create());
        root.Subcommands.Add(ProfessionalCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(ContainmentCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ThresholdsCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(NotifyCommand.Create());
        root.Subcommands.Add(IncidentCommand.Create());
        root.Subcommands.Add(CanaryCommand.Create());
        return root;
    }
}
