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
        var witnessFile = new Option<string?>("--journal-witness-file") { Description = "Append every signed journal checkpoint to this file (put it outside the data directory). Default: none" };
        var witnessUrl = new Option<Uri?>("--journal-witness-url") { Description = "POST every signed journal checkpoint to this witness endpoint. Default: none" };
        var retention = new Option<int>("--journal-retention-months") { Description = "Months of journal kept online (at least 6, art. R6113-9-2). Default: 6", DefaultValueFactory = _ => 6 };
        var reportOnly = new Option<bool>("--detection-report-only") { Description = "Compute and record detection decisions, alerts and containments without refusing anyone (calibration). Default: off (enforced)" };
        var webhook = new Option<Uri?>("--alert-webhook") { Description = "POST every detection alert (JSON) to this URL. Default: none" };
        var warmDays = new Option<int>("--detection-warm-start-days")
        {
            Description = "Days of access journal the risk engine learns baselines from at start (0: cold start on priors). Default: 28",
            DefaultValueFactory = _ => 28,
        };
        var syncSeconds = new Option<double>("--detection-sync-seconds")
        {
            Description = "How often a node pulls other nodes' accesses from the journal into its risk engine, and retries alerts (seconds, 0.05 to 60). Default: 1",
            DefaultValueFactory = _ => 1,
        };
        var smtpHost = new Option<string?>("--smtp-host") { Description = "SMTP relay that tells contained professionals (\"was this you?\"). Default: $VIGIE_SMTP_HOST, else none (nobody is told)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIE_SMTP_HOST") };
        var smtpPort = new Option<int>("--smtp-port") { Description = "SMTP relay port. Default 25", DefaultValueFactory = _ => 25 };
        var smtpSecurity = new Option<string>("--smtp-security") { Description = "none | starttls | starttls-when-available | tls. Default starttls-when-available", DefaultValueFactory = _ => "starttls-when-available" };
        var smtpFrom = new Option<string?>("--smtp-from") { Description = "Sender, e.g. \"Sécurité GRADeS HDF <ne-pas-repondre@gradeshdf.example>\"" };
        var smtpUser = new Option<string?>("--smtp-user") { Description = "SMTP user, when the relay asks for authentication (password in $VIGIE_SMTP_PASSWORD)" };
        var portal = new Option<Uri?>("--portal-address") { Description = "The public verification portal (https://…/verifier), printed as text in those emails. Default: none" };
        var thresholds = ThresholdsCommand.FileOption("--detection-thresholds");
        foreach (var o in new Option[] { urls, builtIn, allowRemote, issuer, trusted, audience, proxies, witnessFile, witnessUrl, retention, reportOnly, thresholds, webhook, warmDays, syncSeconds,
                     smtpHost, smtpPort, smtpSecurity, smtpFrom, smtpUser, portal })
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

            var engineThresholds = ThresholdsCommand.Load(result.GetValue(thresholds));
            if (!engineThresholds.Success)
            {
                await Console.Error.WriteLineAsync("error: --detection-thresholds " + engineThresholds.Error).ConfigureAwait(false);
                return 2;
            }

            Vigie.Notices.SmtpOptions? smtp = null;
            if (result.GetValue(smtpHost) is { Length: > 0 } host)
            {
                if (!MimeKit.MailboxAddress.TryParse(result.GetValue(smtpFrom) ?? "", out var from) || Vigie.Notices.SmtpOptions.ParseSecurity(result.GetValue(smtpSecurity)!) is not { } security)
                {
                    await Console.Error.WriteLineAsync("error: --smtp-from must be a mailbox (\"Name <address>\") and --smtp-security one of none, starttls, starttls-when-available, tls").ConfigureAwait(false);
                    return 2;
                }

                smtp = new Vigie.Notices.SmtpOptions(host, result.GetValue(smtpPort), security, from, result.GetValue(smtpUser), Environment.GetEnvironmentVariable("VIGIE_SMTP_PASSWORD"), 1);
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
                Journal = settings.Journal with
                {
                    WitnessFile = result.GetValue(witnessFile),
                    WitnessUrl = result.GetValue(witnessUrl),
                    RetentionMonths = result.GetValue(retention),
                },
                Detection = settings.Detection with
                {
                    ReportOnly = result.GetValue(reportOnly),
                    Thresholds = engineThresholds.Value,
                    AlertWebhook = result.GetValue(webhook),
                    WarmStartDays = result.GetValue(warmDays),
                    SyncInterval = TimeSpan.FromSeconds(Math.Clamp(result.GetValue(syncSeconds), 0.05, 60)),
                    OwnerSmtp = smtp,
                    PortalAddress = result.GetValue(portal),
                },
            };
            if (settings.Journal.RetentionMonths < Vigie.Storage.Journal.JournalPruning.MinimumRetentionMonths)
            {
                await Console.Error.WriteLineAsync("error: --journal-retention-months is at least 6 (public health code, art. R6113-9-2)").ConfigureAwait(false);
                return 2;
            }

            if (settings.Detection.WarmStartDays is < 0 or > 366)
            {
                await Console.Error.WriteLineAsync("error: --detection-warm-start-days is between 0 and 366").ConfigureAwait(false);
                return 2;
            }

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
