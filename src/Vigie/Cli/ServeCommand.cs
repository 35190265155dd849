using System.CommandLine;
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
        command.Options.Add(urls);
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.Settings(result, data, postgres) with { Urls = result.GetValue(urls)! };
            await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
            var app = VigieWebApp.Create(settings);
            await using (app.ConfigureAwait(false))
            {
                await app.RunAsync(ct).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
