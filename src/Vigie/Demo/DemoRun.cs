using Vigie.Cli;
using Vigie.Detection;
using Vigie.Hosting;
using Vigie.Notices;
using Vigie.Seeding;
using Vigie.Simulation;
using Vigie.Simulation.Region;

namespace Vigie.Demo;

/// <summary>
/// The September 2025 scenario end to end: a region seeded with history, the server started on the demo clock, a
/// working day with the attack played over HTTP, then the incident steps and the summary.
/// </summary>
internal sealed class DemoRun(DemoOptions options, TextWriter output)
{
    private readonly DemoConsole _console = new(output, options.LiveDays > 1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = Settings(options);
        var region = BuildRegion();
        await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
        var simulator = options.SeptemberOnly
            ? TraceSimulator.SeptemberDay(region, options.UsurpedAccounts)
            : TraceSimulator.StartingOn(region, options.Playbooks, options.AttacksPerPlaybook, options.UsurpedAccounts, options.Day);
        var dayStart = SeedCommand.LocalMidnight(options.Day, region.TimeZone);
        _console.Title("Région synthétique et deux semaines d'historique");
        var seeded = await new SeedPipeline(settings, region, simulator, TimeProvider.System, SeedProgress.Console()).RunAsync(dayStart, ct).ConfigureAwait(false);
        using var rest = seeded.Rest;

        // Two local mailboxes: the professionals' "was this you?" emails during the day, the patients' notices after it.
        await using var professionalsMailbox = new DemoMailSink(Path.Combine(settings.DataDirectory, "notices", "boite-locale", "professionnels"));
        var portal = options.Urls.Split(';')[0].TrimEnd('/') + "/verifier";
        settings = settings with
        {
            Detection = settings.Detection with
            {
                OwnerSmtp = new SmtpOptions("127.0.0.1", professionalsMailbox.Port, MailKit.Security.SecureSocketOptions.None,
                    new MimeKit.MailboxAddress("Sécurité GRADeS (démonstration)", "securite@grades-demo.example"), Connections: 1),
                PortalAddress = new Uri(portal),
            },
        };
        var clock = new DemoClock(dayStart.AddHours(5));
        using var log = new DemoFileLogger(settings.DataDirectory);
        var app = VigieWebApp.Create(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddLogging(logging => logging.ClearProviders().AddProvider(log));
        });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            _console.Title(options.LiveDays == 1
                ? $"Journée du {French.Date(options.Day)} rejouée sur {options.Urls}"
                : $"Du {French.Date(options.Day)} au {French.Date(options.Day.AddDays(options.LiveDays - 1))} rejoué sur {options.Urls} ; attaques : {string.Join(", ", options.Playbooks)}");
            var score = new DemoScore(simulator.Labels);
            using var http = new HttpClient { BaseAddress = new Uri(options.Urls.Split(';')[0]), Timeout = TimeSpan.FromSeconds(60) };
            using var stopFeed = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var feed = new DemoAlertFeed(settings, _console);
            var feeding = feed.RunAsync(stopFeed.Token);
            await new DemoTraffic(settings, http, clock, seeded.Registry.Directory, score, _console).PlayAsync(rest, seeded.HasMore, ct).ConfigureAwait(false);
            await stopFeed.CancelAsync().ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
            clock.ResumeRealTime();

            // The node reviews unanswered step-ups every second on its own; one last review now, on the clock that has
            // left the day behind, so that every session left waiting is alerted before the officer opens the incident.
            await app.Services.GetRequiredService<StepUpWatch>().ReviewAsync(ct).ConfigureAwait(false);
            await feed.ShowNewAsync(ct).ConfigureAwait(false);

            _console.Title("Réponse à l'incident");
            var finale = await new DemoFinale(settings, http, _console, score).RunAsync(dayStart, portal, ct).ConfigureAwait(false);
            var summary = new DemoSummary(score, seeded, finale, professionalsMailbox.Received, options.SeptemberOnly);
            summary.Print(_console);
            if (!options.Exit)
            {
                _console.Line($"Tableau de bord : {options.Urls.Split(';')[0].TrimEnd('/')}/tableau-de-bord — se connecter comme responsable de la sécurité « {RegionSeeder.OfficerName} ». Ctrl+C pour arrêter.");
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return summary.Success ? 0 : 1;
        }
    }

    private SyntheticRegion BuildRegion()
    {
        var progress = SeedProgress.Console();
        progress.Start("synthetic region generated");
        var region = RegionBuilder.Build(new RegionOptions
        {
            Seed = options.Seed,
            Start = options.Day.AddDays(-options.HistoryDays),
            Days = options.HistoryDays + options.LiveDays,
            Patients = options.Patients,
            Professionals = options.Professionals,
            Establishments = options.Establishments,
        });
        progress.Done($"{region.Records.Count:N0} local records, {region.Patients.Count(p => !p.Canary):N0} patients, {region.Patients.Count(p => p.Canary)} canaries, {region.Professionals.Count} professionals");
        return region;
    }

    private static VigieSettings Settings(DemoOptions options)
    {
        var settings = new VigieSettings { DataDirectory = options.DataDirectory, Urls = options.Urls };
        return settings with
        {
            Auth = settings.Auth with { BuiltInProvider = true, TrustedProxies = ["127.0.0.1"] },
        };
    }
}
