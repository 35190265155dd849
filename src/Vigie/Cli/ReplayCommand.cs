using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Core.Detection;
using Vigie.Simulation.Region;
using Vigie.Simulation.Replay;
using Vigie.Simulation.Trace;

namespace Vigie.Cli;

/// <summary>
/// `vigie replay --trace events.jsonl --patients patients.csv --out decisions.jsonl`: runs the risk engine over a
/// recorded or synthetic trace in virtual time and writes one decision per input line. No database: it needs no
/// --data. Malformed input stops the replay with the file and line named and leaves no output file behind.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var command = new Command("replay", "Run the risk engine over an access trace in virtual time; one decision per line.");
        var trace = new Option<FileInfo>("--trace") { Description = "Trace: one JSON access event per line, sorted by time", Required = true };
        var patients = new Option<FileInfo>("--patients") { Description = "patients.csv: id,establishments,canary", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the decisions (JSON lines)", Required = true };
        var reportOnly = new Option<bool>("--report-only") { Description = "Compute decisions as in report-only mode: nothing is enforced, every request counts as disclosed" };
        var zone = new Option<string>("--time-zone") { Description = "Time zone of working hours. Default Europe/Paris", DefaultValueFactory = _ => "Europe/Paris" };
        var thresholds = ThresholdsCommand.FileOption("--thresholds");
        foreach (var o in new Option[] { trace, patients, output, reportOnly, zone, thresholds })
        {
            command.Options.Add(o);
        }

        command.SetAction(result => Run(result.GetValue(trace)!, result.GetValue(patients)!, result.GetValue(output)!, result.GetValue(reportOnly), result.GetValue(zone)!, result.GetValue(thresholds)));
        return command;
    }

    private static int Run(FileInfo trace, FileInfo patients, FileInfo output, bool reportOnly, string zoneId, FileInfo? thresholdsFile)
    {
        var thresholds = ThresholdsCommand.Load(thresholdsFile);
        if (!thresholds.Success)
        {
            return Error("--thresholds " + thresholds.Error, 2);
        }

        foreach (var input in new[] { trace, patients })
        {
            if (!input.Exists)
            {
                return Error($"{input.FullName} does not exist", 2);
            }
        }

        TimeZoneInfo zone;
        try
        {
            zone = zoneId == "Europe/Paris" ? RegionBuilder.ParisTime() : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return Error($"unknown time zone '{zoneId}'", 2);
        }

        var temporary = output.FullName + ".partial";
        try
        {
            PatientTable table;
            using (var reader = new StreamReader(patients.FullName))
            {
                var read = PatientTable.Read(reader);
                if (!read.Success)
                {
                    return Error($"{patients.Name} {read.Error}", 1);
                }

                table = read.Value;
            }

            var engine = new RiskEngine(thresholds.Value with { TimeZone = zone, ReportOnly = reportOnly });
            var counts = new int[4];
            var clock = Stopwatch.StartNew();
            string? error;
            using (var input = new FileStream(trace.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var decisions = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                error = TraceReplay.Run(input, table, engine, decisions, (_, d) => counts[Math.Min((int)d.Level, 3)]++);
            }

            if (error is not null)
            {
                File.Delete(temporary);
                return Error($"{trace.Name} {error}", 1);
            }

            File.Move(temporary, output.FullName, overwrite: true);
            var lines = counts.Sum();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replayed {lines:N0} lines in {clock.Elapsed.TotalSeconds:F1} s: allow {counts[0]:N0}, step-up {counts[1]:N0}, throttle {counts[2]:N0}, block {counts[3]:N0}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return Error(e.Message, 2);
        }
    }

    private static int Error(string message, int code)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
