using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Simulation;
using Vigie.Simulation.Playbooks;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Cli;

/// <summary>
/// `vigie simulate --out DIR ...`: a synthetic region's access trace with attack playbooks played into it. Writes
/// DIR/events.jsonl (the trace), DIR/patients.csv (id,establishments,canary) and DIR/labels.csv (which sessions are
/// attackers', for scoring). Reproducible: the same options and seed give the same files. No database: no --data.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Generate a synthetic region's access trace with attack playbooks (events.jsonl, patients.csv, labels.csv).");
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory (created if needed)", Required = true };
        var days = new Option<int>("--days") { Description = "Days simulated. Default 30", DefaultValueFactory = _ => 30 };
        var professionals = new Option<int>("--professionals") { Description = "Professionals, all roles (at least 20). Default 500", DefaultValueFactory = _ => 500 };
        var patients = new Option<int>("--patients") { Description = "Local patient records generated (at least 1000). Default 50000", DefaultValueFactory = _ => 50_000 };
        var establishments = new Option<int>("--establishments") { Description = "Establishments (1 to 100). Default 12", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed. Default 42", DefaultValueFactory = _ => 42 };
        var start = new Option<string>("--start") { Description = "First day, YYYY-MM-DD. Default 2026-03-02", DefaultValueFactory = _ => "2026-03-02" };
        var playbooks = new Option<string>("--playbooks") { Description = "Comma-separated playbooks, or none. Default all: " + string.Join(",", Playbook.All), DefaultValueFactory = _ => string.Join(",", Playbook.All) };
        var attacks = new Option<int>("--attacks-per-playbook") { Description = "Attacks per playbook (a staggered attack uses ten accounts). Default 2", DefaultValueFactory = _ => 2 };
        foreach (var o in new Option[] { output, days, professionals, patients, establishments, seed, start, playbooks, attacks })
        {
            command.Options.Add(o);
        }

        command.SetAction(result =>
        {
            var chosen = result.GetValue(playbooks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            chosen = chosen is ["none"] ? [] : chosen;
            var unknown = chosen.FirstOrDefault(p => !Playbook.All.Contains(p));
            if (unknown is not null)
            {
                return Error($"unknown playbook '{unknown}'; playbooks: {string.Join(", ", Playbook.All)}");
            }

            if (!DateOnly.TryParseExact(result.GetValue(start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return Error("--start is a date, YYYY-MM-DD");
            }

            if (result.GetValue(attacks) is < 0 or > 20)
            {
                return Error("--attacks-per-playbook is between 0 and 20");
            }

            var options = new RegionOptions
            {
                Days = result.GetValue(days),
                Professionals = result.GetValue(professionals),
                Patients = result.GetValue(patients),
                Establishments = result.GetValue(establishments),
                Seed = result.GetValue(seed),
                Start = first,
            };
            try
            {
                return Write(result.GetValue(output)!, options, chosen, result.GetValue(attacks));
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Error($"--{Kebab(e.ParamName)} is out of range ({e.Message.Split(" (", 2)[0]})");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error(e.Message, 2);
            }
        });
        return command;
    }

    private static int Write(DirectoryInfo directory, RegionOptions options, string[] playbooks, int attacks)
    {
        var clock = Stopwatch.StartNew();
        var region = RegionBuilder.Build(options);
        var simulator = new TraceSimulator(region, playbooks, attacks);
        directory.Create();
        var lines = 0;
        using (var stream = new FileStream(Path.Combine(directory.FullName, "events.jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new TraceWriter(stream))
        {
            foreach (var e in simulator.Events())
            {
                writer.Write(e);
                lines++;
            }
        }

        using (var patients = new StreamWriter(Path.Combine(directory.FullName, "patients.csv")))
        {
            PatientTable.Write(patients, region.Patients.Select(p => (p.Id, p.Establishments.AsEnumerable(), p.Canary)));
        }

        using (var labels = new StreamWriter(Path.Combine(directory.FullName, "labels.csv")))
        {
            LabelsFile.Write(labels, simulator.Labels);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulated {lines:N0} requests of {region.Professionals.Count} professionals over {options.Days} days in {region.Establishments.Count} establishments ({region.Patients.Count(p => !p.Canary):N0} patients, {region.Patients.Count(p => p.Canary)} canaries), {simulator.Labels.Count} attacker sessions, in {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(directory.FullName);
        return 0;
    }

    private static string Kebab(string? name) => string.Concat((name ?? "option").Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static int Error(string message, int code = 2)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
