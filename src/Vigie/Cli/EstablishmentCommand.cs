using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vigie.Core.Identity;
using Vigie.Hosting;
using Vigie.Storage.Registry;

namespace Vigie.Cli;

/// <summary>`vigie establishment add|list`: the establishments that feed the registry, and their IPP systems.</summary>
internal static class EstablishmentCommand
{
    /// <summary>Vigie's default IPP system for an establishment that does not name its own.</summary>
    public static string DefaultIppSystem(string finess) => "urn:oid:1.2.250.1.71.4.2.7." + finess;

    public static Command Create()
    {
        var command = new Command("establishment", "Register or list the establishments (FINESS) that feed the registry.");
        var add = new Command("add", "Register an establishment.");
        var (data, postgres) = CommonOptions.AddTo(add);
        var finess = new Option<string>("--finess") { Description = "FINESS number (9 characters, Luhn-checked)", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var system = new Option<string?>("--ipp-system") { Description = "Identifier system of its local patient ids. Default: urn:oid:1.2.250.1.71.4.2.7.<FINESS>" };
        add.Options.Add(finess);
        add.Options.Add(name);
        add.Options.Add(system);
        add.SetAction(async (result, ct) =>
        {
            var parsed = Finess.Parse(result.GetValue(finess));
            if (!parsed.Success)
            {
                await Console.Error.WriteLineAsync("error: " + parsed.Error).ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var ippSystem = result.GetValue(system) ?? DefaultIppSystem(parsed.Value.Value);
            if (await db.Establishments.AnyAsync(e => e.Finess == parsed.Value.Value || e.IppSystem == ippSystem, ct).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync("error: this FINESS or IPP system is already registered").ConfigureAwait(false);
                return 3;
            }

            db.Establishments.Add(new EstablishmentRow { Finess = parsed.Value.Value, Name = result.GetValue(name)!, IppSystem = ippSystem });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            Console.WriteLine(ippSystem);
            return 0;
        });

        var list = new Command("list", "List registered establishments: FINESS, IPP system, name.");
        var (listData, listPostgres) = CommonOptions.AddTo(list);
        list.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, listData, listPostgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            foreach (var e in await db.Establishments.AsNoTracking().OrderBy(e => e.Finess).ToListAsync(ct).ConfigureAwait(false))
            {
                Console.WriteLine($"{e.Finess}\t{e.IppSystem}\t{e.Name}");
            }

            return 0;
        });

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
