using System.CommandLine;
using System.Net;
using Vigie.Auth;
using Vigie.Hosting;

namespace Vigie.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the FHIR API and the admin API.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var urls = new Option<string>("--urls")
        {
            Description = "Listening URLs. Default: http://127.0.0.1:5080 (loopback only)",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var builtIn = new Option<bool>("--builtin-idp")
        {
            Description = "Run the built-in identity provider (embedded demo: no real authentication). Default: $VIGIE_BUILTIN_IDP=true, else off",
            DefaultValueFactory = _ => string.Equals(Environment.GetEnvironmentVariable("VIGIE_BUILTIN_IDP"), "true", StringComparison.OrdinalIgnoreCase),
        };
        var allowRemote = new Option<bool>("--builtin-idp-allow-remote") { Description = "Let the built-in provider listen beyond loopback (not for production)" };
        var issuer = CommonOptions.Issuer();
        var trusted = new Option<string[]>("--trusted-issuer")
        {
            Description = "Trust access tokens of this OpenID Connect issuer (repeatable), e.g. Pro Santé Connect. Default: $VIGIE_TRUSTED_ISSUER",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_TRUSTED_ISSUER") is { Length: > 0 } v ? [v] : [],
            AllowMultipleArgumentsPerToken = false,
        };
        var audience = new Option<string>("--audience")
        {
            Description = "The audience trusted issuers put in Vigie's tokens (its client id there). Default: $VIGIE_AUDIENCE, else vigie",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_AUDIENCE") ?? "vigie",
        };
        var proxies = new Option<string[]>("--trusted-proxy") { Description = "A reverse proxy address whose X-Forwarded-For is believed (repeatable)", DefaultValueFactory = _ => [] };
        foreach (var o in new Option[] { urls, builtIn, allowRemote, issuer, trusted, audience, proxies })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (result, ct) =>
        {
            var badProxy = result.GetValue(proxies)!.FirstOrDefault(p => !IPAddress.TryParse(p, out _));
            if (badProxy is not null)
            {
                await Console.Error.WriteLineAsync("error: --trusted-proxy takes an IP address").ConfigureAwait(false);
                return 2;
            }

            var settings = CommonOptions.Settings(result, data, postgres) with { Urls = result.GetValue(urls)! };
            settings = settings with
            {
                Auth = settings.Auth with
                {
                    BuiltInProvider = result.GetValue(builtIn),
                    BuiltInAllowNonLoopback = result.GetValue(allowRemote),
                    BuiltInIssuer = result.GetValue(issuer),
                    Audience = result.GetValue(audience)!,
                    TrustedIssuers = result.GetValue(trusted)!.Select(i => new TrustedIssuer(i, result.GetValue(audience)!)).ToList(),
                    TrustedProxies = result.GetValue(proxies)!,
                },
            };
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            WebApplication app;
            try
            {
                app = VigieWebApp.Create(settings);
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }

            await using (app.ConfigureAwait(false))
            {
                await app.RunAsync(ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
