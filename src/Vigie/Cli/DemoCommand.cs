using System.CommandLine;
using System.Globalization;
using Vigie.Demo;
using Vigie.Simulation.Playbooks;

namespace Vigie.Cli;

/// <summary>`vigie demo`: the README's main command. See <see cref="DemoRun"/>.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Play the September 2025 scenario end to end on an embedded region, then keep the dashboard up.");
        var data = new Option<string?>("--data") { Description = "Data directory, new or empty. Default: a new temporary directory" };
        var urls = new Option<string>("--urls") { Description = "Listening address (loopback). Default http://127.0.0.1:5080", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same region, day and attack. Default 42", DefaultValueFactory = _ => 42 };
        var exit = new Option<bool>("--exit") { Description = "End after the summary instead of keeping the dashboard up (for CI and scripts)" };
        var patients = new Option<int>("--patients") { Description = "Local patient records (about 0.85 patient each). Default 235000 (about 200,000 patients)", DefaultValueFactory = _ => 235_000 };
        var professionals = new Option<int>("--professionals") { Description = "Professionals. Default 300", DefaultValueFactory = _ => 300 };
        var establishments = new Option<int>("--establishments") { Description = "Establishments. Default 6", DefaultValueFactory = _ => 6 };
        var history = new Option<int>("--history-days") { Description = "Days of legitimate history before the day played (1 to 60). Default 14", DefaultValueFactory = _ => 14 };
        var accounts = new Option<int>("--usurped-accounts") { Description = "Accounts the attacker uses, one after the other (1 to 10). Default 4", DefaultValueFactory = _ => 4 };
        var day = new Option<string?>("--day") { Description = "The first day played, YYYY-MM-DD; the whole period played must be in the past. Default: the last Tuesday for which it is" };
        var playbooks = new Option<string>("--playbooks")
        {
            Description = "Attacks played live, comma-separated: " + string.Join(", ", Playbook.Live) + ". Default september. A drip or a staggered attack plays a week",
            DefaultValueFactory = _ => Playbook.September,
        };
        var attacks = new Option<int>("--attacks-per-playbook") { Description = "Attacks per playbook (1 to 5). Default 1", DefaultValueFactory = _ => 1 };
        foreach (var o in new Option[] { data, urls, seed, exit, patients, professionals, establishments, history, accounts, day, playbooks, attacks })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (result, ct) =>
        {
            var chosen = result.GetValue(playbooks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (chosen.Length == 0)
            {
                return Error("--playbooks names at least one playbook: " + string.Join(", ", Playbook.Live));
            }

            if (chosen.FirstOrDefault(p => !Playbook.Live.Contains(p)) is { } unknown)
            {
                return Error($"unknown playbook '{unknown}'; playbooks: {string.Join(", ", Playbook.Live)}");
            }

            var span = chosen.Max(Playbook.SpanDays);
            var today = SeedCommand.LocalToday(TimeProvider.System);
            var played = DemoOptions.LastTuesdayBefore(today.AddDays(1 - span));
            if (result.GetValue(day) is { } text && (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out played) || played.AddDays(span - 1) >= today))
            {
                return Error(span == 1 ? "--day is a past date, YYYY-MM-DD" : $"--day is a date, YYYY-MM-DD, such that the {span} days played are in the past");
            }

            if (result.GetValue(history) is < 1 or > 60 || result.GetValue(accounts) is < 1 or > 10 || result.GetValue(attacks) is < 1 or > 5)
            {
                return Error("--history-days is between 1 and 60, --usurped-accounts between 1 and 10, --attacks-per-playbook between 1 and 5");
            }

            var directory = result.GetValue(data) ?? Path.Combine(Path.GetTempPath(), "vigie-demo-" + Guid.NewGuid().ToString("N")[..8]);
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                return Error($"{directory} is not empty: the demo seeds a new region, give a new or empty --data directory");
            }

            Directory.CreateDirectory(directory);
            Console.Error.WriteLine("data directory: " + directory);
            var options = new DemoOptions
            {
                DataDirectory = directory,
                Urls = result.GetValue(urls)!,
                Seed = result.GetValue(seed),
                Patients = result.GetValue(patients),
                Professionals = result.GetValue(professionals),
                Establishments = result.GetValue(establishments),
                HistoryDays = result.GetValue(history),
                UsurpedAccounts = result.GetValue(accounts),
                Day = played,
                Playbooks = chosen,
                AttacksPerPlaybook = result.GetValue(attacks),
                Exit = result.GetValue(exit),
            };
            try
            {
                return await new DemoRun(options, Console.Out).RunAsync(ct).ConfigureAwait(false);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Error($"--{e.ParamName?.ToLowerInvariant()} is out of range ({e.Message.Split(" (", 2)[0]})");
            }
            catch (InvalidOperationException e)
            {
                return Error(e.Message, 1);
            }
        });
        return command;
    }

    private static int Error(string message, int code = 2)
    {
        Console.Error.WriteLine("error: " + message);
        return code;
    }
}
