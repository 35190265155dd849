using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Core.Access;
using Vigie.Hosting;

namespace Vigie.Cli;

/// <summary>`vigie professional add|add-officer|deactivate|list`: the professionals table that tokens are checked against.</summary>
internal static class ProfessionalCommand
{
    public static Command Create()
    {
        var command = new Command("professional", "Manage the professionals (and security officers) allowed to use the registry.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(AddOfficer());
        command.Subcommands.Add(Deactivate());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var add = new Command("add", "Enable a professional in an establishment.");
        var (data, postgres) = CommonOptions.AddTo(add);
        var rpps = new Option<string>("--rpps") { Description = "National id: RPPS (11 digits) or 8 + RPPS, or 0 + ADELI", Required = true };
        var finess = new Option<string>("--finess") { Description = "Establishment FINESS", Required = true };
        var profession = new Option<string?>("--profession") { Description = "Profession code (TRE_G15: 10 physician, 60 nurse)" };
        var roles = new Option<string?>("--role") { Description = "Functions assigned by the establishment: " + RoleNames.Format((Role)127) };
        var name = new Option<string?>("--name") { Description = "Display name (sign-in page)" };
        var email = new Option<string?>("--email") { Description = "The professional's own email, where \"was this you?\" goes if the account is contained (all establishments)" };
        foreach (var o in new Option[] { rpps, finess, profession, roles, name, email })
        {
            add.Options.Add(o);
        }

        add.SetAction(async (result, ct) =>
        {
            var parsedRoles = RoleNames.Parse(result.GetValue(roles));
            if (!parsedRoles.Success)
            {
                await Console.Error.WriteLineAsync("error: " + parsedRoles.Error).ConfigureAwait(false);
                return 2;
            }

            if (result.GetValue(email) is { } typed && !Professionals.IsEmail(typed))
            {
                await Console.Error.WriteLineAsync("error: --email is a bare address, e.g. prenom.nom@chu.example").ConfigureAwait(false);
                return 2;
            }

            await using var db = await OpenAsync(result, data, postgres, ct).ConfigureAwait(false);
            var added = await Professionals.AddAsync(db, result.GetValue(rpps)!, result.GetValue(finess)!, result.GetValue(profession), parsedRoles.Value,
                result.GetValue(name), TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            if (added.Success && result.GetValue(email) is { } address)
            {
                var set = await Professionals.SetEmailAsync(db, added.Value, address, ct).ConfigureAwait(false);
                return await ReportAsync(set.Success ? added.Value : null, set.Error).ConfigureAwait(false);
            }

            return await ReportAsync(added.Success ? added.Value : null, added.Error).ConfigureAwait(false);
        });
        return add;
    }

    private static Command AddOfficer()
    {
        var add = new Command("add-officer", "Enable a regional security officer.");
        var (data, postgres) = CommonOptions.AddTo(add);
        var name = new Option<string>("--name") { Description = "Officer name (letters, digits, . - _)", Required = true };
        add.Options.Add(name);
        add.SetAction(async (result, ct) =>
        {
            await using var db = await OpenAsync(result, data, postgres, ct).ConfigureAwait(false);
            var added = await Professionals.AddOfficerAsync(db, result.GetValue(name)!, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            return await ReportAsync(added.Success ? added.Value : null, added.Error).ConfigureAwait(false);
        });
        return add;
    }

    private static Command Deactivate()
    {
        var deactivate = new Command("deactivate", "Disable a professional (in one establishment, or everywhere) or a security officer.");
        var (data, postgres) = CommonOptions.AddTo(deactivate);
        var id = new Option<string>("--rpps") { Description = "National id, or a security officer's name", Required = true };
        var finess = new Option<string?>("--finess") { Description = "Only in this establishment" };
        deactivate.Options.Add(id);
        deactivate.Options.Add(finess);
        deactivate.SetAction(async (result, ct) =>
        {
            await using var db = await OpenAsync(result, data, postgres, ct).ConfigureAwait(false);
            var count = await Professionals.DeactivateAsync(db, result.GetValue(id)!, result.GetValue(finess), ct).ConfigureAwait(false);
            return await ReportAsync(count > 0 ? "deactivated" : null, "no such professional").ConfigureAwait(false);
        });
        return deactivate;
    }

    private static Command List()
    {
        var list = new Command("list", "List professionals: national id, FINESS, profession, roles, active, name.");
        var (data, postgres) = CommonOptions.AddTo(list);
        list.SetAction(async (result, ct) =>
        {
            await using var db = await OpenAsync(result, data, postgres, ct).ConfigureAwait(false);
            foreach (var p in await db.Professionals.AsNoTracking().OrderBy(p => p.NationalId).ThenBy(p => p.Finess).ToListAsync(ct).ConfigureAwait(false))
            {
                Console.WriteLine($"{p.NationalId}\t{p.Finess}\t{p.ProfessionCode}\t{RoleNames.Format((Role)p.Roles)}\t{(p.Active ? "active" : "inactive")}\t{p.DisplayName}");
            }

            return 0;
        });
        return list;
    }

    private static async Task<Vigie.Storage.VigieDbContext> OpenAsync(ParseResult result, Option<string> data, Option<string?> postgres, CancellationToken ct)
    {
        var settings = CommonOptions.Settings(result, data, postgres);
        await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
        return StorageSetup.CreateContext(settings);
    }

    private static async Task<int> ReportAsync(string? done, string? error)
    {
        if (done is null)
        {
            await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
            return 3;
        }

        Console.WriteLine(done);
        return 0;
    }
}
