using System.CommandLine;
using System.Globalization;
using Vigie.Hosting;
using Vigie.Seeding;
using Vigie.Simulation;
using Vigie.Simulation.Region;

namespace Vigie.Cli;

/// <summary>
/// `vigie seed`: a synthetic region written into an empty registry (establishments, professionals of every role,
/// patients with realistic French identities and duplicates, canaries with monitored contacts) and D days of
/// legitimate access history in the journal, ending yesterday (Europe/Paris), from which a served node learns its
/// detection baselines. Reproducible: the same options and seed give the same region and history.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var command = new Command("seed", "Create a synthetic region in an empty registry, with canaries and legitimate history in the journal.");
        var (data, postgres) = CommonOptions.AddTo(command);
        var patients = new Option<int>("--patients") { Description = "Local patient records (about 0.85 patient each after duplicates; canaries on top). Default 50000", DefaultValueFactory = _ => 50_000 };
        var establishments = new Option<int>("--establishments") { Description = "Establishments (1 to 100). Default 12", DefaultValueFactory = _ => 12 };
        var professionals = new Option<int>("--professionals") { Description = "Professionals of every role (at least 20). Default 500", DefaultValueFactory = _ => 500 };
        var historyDays = new Option<int>("--history-days") { Description = "Days of legitimate history journaled, ending yesterday (1 to 60). Default 14", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Seed. Default 42", DefaultValueFactory = _ => 42 };
        var export = new Option<DirectoryInfo?>("--export") { Description = "Also write patients.csv and professionals.csv to this directory" };
        foreach (var o in new Option[] { patients, establishments, professionals, historyDays, seed, export })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (result, ct) =>
        {
            var days = result.GetValue(historyDays);
            if (days is < 1 or > 60)
            {
                return Error("--history-days is between 1 and 60");
            }

            var settings = CommonOptions.Settings(result, data, postgres);
            var clock = TimeProvider.System;
            var today = LocalToday(clock);
            RegionOptions options;
            try
            {
                options = new RegionOptions
                {
                    Seed = result.GetValue(seed),
                    Start = today.AddDays(-days),
                    Days = days,
                    Patients = result.GetValue(patients),
                    Establishments = result.GetValue(establishments),
                    Professionals = result.GetValue(professionals),
                };
                return await SeedAsync(settings, options, today, result.GetValue(export), clock, ct).ConfigureAwait(false);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Error($"--{Kebab(e.ParamName)} is out of range ({e.Message.Split(" (", 2)[0]})");
            }
            catch (InvalidOperationException e)
            {
                return Error(e.Message, 1);
            }
        });
        return command;
    }

    private static async Task<int> SeedAsync(VigieSettings settings, RegionOptions options, DateOnly today, DirectoryInfo? export, TimeProvider clock, CancellationToken ct)
    {
        var progress = SeedProgress.Console();
        progress.Start("synthetic region generated");
        var region = RegionBuilder.Build(options);
        progress.Done($"{region.Records.Count:N0} local records, {region.Patients.Count(p => !p.Canary):N0} patients, {region.Patients.Count(p => p.Canary)} canaries");
        await StorageSetup.MigrateAsync(settings, ct).ConfigureAwait(false);
        var until = LocalMidnight(today, region.TimeZone);
        var outcome = await new SeedPipeline(settings, region, new TraceSimulator(region, [], 0), clock, progress).RunAsync(until, ct).ConfigureAwait(false);
        outcome.Rest.Dispose();
        if (export is not null)
        {
            SeedExport.Write(export.FullName, region, outcome.Registry.Registered);
            Console.Error.WriteLine($"exported patients.csv and professionals.csv to {export.FullName}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {outcome.Registry.Records:N0} local records as {outcome.Registry.Identities:N0} identities (canaries included: {outcome.Registry.Canaries}), {outcome.Registry.Professionals} professionals, {outcome.History.Requests:N0} requests of history as {outcome.History.Entries:N0} journal entries"));
        return 0;
    }

    /// <summary>The start of a local day, in UTC (midnight is never skipped or repeated in Europe/Paris).</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    /// <summary>Today in Europe/Paris: the region's days are local.</summary>
    public static DateOnly LocalToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), RegionBuilder.ParisTime()).DateTime);

    private static string Kebab(string? name) => string.Concat((name ?? "option").Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static int Error(string message, int code = 2)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
