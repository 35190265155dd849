using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vigie.Auth;
using Vigie.Auth.BuiltIn;
using Vigie.Core.Identity;
using Vigie.Hosting;

namespace Vigie.Cli;

/// <summary>
/// `vigie token`: prints an access token of the built-in provider (signed with the data directory's key) for a
/// professional, an establishment's system account or a security officer. For scripts, tests and demos.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Print an access token of the built-in (demo) identity provider.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var professional = new Option<string?>("--professional") { Description = "National id (RPPS, or 8 + RPPS) of an active professional" };
        var system = new Option<string?>("--system") { Description = "FINESS of an establishment: its system account" };
        var officer = new Option<string?>("--security-officer") { Description = "Name of a security officer" };
        var acr = new Option<string>("--acr") { Description = "acr claim. Default eidas1 (what Pro Santé Connect gives for a CPS or e-CPS)", DefaultValueFactory = _ => "eidas1" };
        var lifetime = Durations.Option("--lifetime", "Token lifetime. Default 10m", TimeSpan.FromMinutes(10));
        var authAge = Durations.Option("--auth-age", "How long ago the user signed in (auth_time). Default 0s", TimeSpan.Zero);
        var issuer = CommonOptions.Issuer();
        var audience = new Option<string>("--audience") { Description = "aud claim. Default vigie", DefaultValueFactory = _ => "vigie" };
        foreach (var o in new Option[] { professional, system, officer, acr, lifetime, authAge, issuer, audience })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (result, ct) =>
        {
            var who = new[] { result.GetValue(professional), result.GetValue(system), result.GetValue(officer) };
            if (who.Count(w => w is not null) != 1)
            {
                await Console.Error.WriteLineAsync("error: give exactly one of --professional, --system, --security-officer").ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            await using var db = StorageSetup.CreateContext(settings);
            var keys = SigningKeys.LoadOrCreate(settings.DataDirectory);
            var options = new BuiltInTokens.Options(BuiltInProvider.IssuerOf(settings with { Auth = settings.Auth with { BuiltInIssuer = result.GetValue(issuer) } }),
                result.GetValue(audience)!, result.GetValue(lifetime), result.GetValue(acr), result.GetValue(authAge));
            var now = TimeProvider.System.GetUtcNow();
            string? token = null;
            string? error = null;
            if (who[0] is { } nationalId)
            {
                var minted = await BuiltInTokens.ForProfessionalAsync(db, keys, options, nationalId, now, ct).ConfigureAwait(false);
                (token, error) = (minted.Success ? minted.Value : null, minted.Error);
            }
            else if (who[1] is { } finess)
            {
                var parsed = Finess.Parse(finess);
                error = !parsed.Success ? parsed.Error
                    : await db.Establishments.AnyAsync(e => e.Finess == finess, ct).ConfigureAwait(false) ? null : "this establishment is not registered";
                token = error is null ? BuiltInTokens.ForSystem(keys, options, finess, now) : null;
            }
            else
            {
                var id = PrincipalResolver.OfficerId(who[2]!);
                error = await db.Professionals.AnyAsync(p => p.NationalId == id && p.Active, ct).ConfigureAwait(false) ? null : "no active security officer with this name: `vigie professional add-officer` first";
                token = error is null ? BuiltInTokens.ForSecurityOfficer(keys, options, who[2]!, now) : null;
            }

            if (token is null)
            {
                await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                return 3;
            }

            Console.WriteLine(token);
            return 0;
        });
        return command;
    }
}
