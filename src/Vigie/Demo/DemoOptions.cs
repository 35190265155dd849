using Vigie.Simulation.Playbooks;

namespace Vigie.Demo;

/// <summary>What `vigie demo` plays; every default is documented on its option.</summary>
internal sealed record DemoOptions
{
    public required string DataDirectory { get; init; }

    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public int Seed { get; init; } = 42;

    /// <summary>Local records (about 0.85 patient each): 235,000 gives about 200,000 patients.</summary>
    public int Patients { get; init; } = 235_000;

    public int Professionals { get; init; } = 300;

    public int Establishments { get; init; } = 6;

    public int HistoryDays { get; init; } = 14;

    public int UsurpedAccounts { get; init; } = 4;

    /// <summary>
    /// The attacks played live, from <see cref="Playbook.Live"/>. Default: the September 2025 pattern alone; any of
    /// `vigie simulate`'s playbooks can be played against the demo's server too.
    /// </summary>
    public IReadOnlyList<string> Playbooks { get; init; } = [Playbook.September];

    /// <summary>Attacks per playbook (the September pattern is one attack over <see cref="UsurpedAccounts"/> accounts).</summary>
    public int AttacksPerPlaybook { get; init; } = 1;

    /// <summary>Days played live: the longest span of the chosen playbooks (one day for the September pattern).</summary>
    public int LiveDays => Playbooks.Count == 0 ? 1 : Playbooks.Max(Playbook.SpanDays);

    /// <summary>True for the README's default run: its reproducible trace is the September day of decision 0012.</summary>
    public bool SeptemberOnly => Playbooks is [Playbook.September] && AttacksPerPlaybook == 1;

    /// <summary>The first day played (local). Default: the last Tuesday whose whole live period is in the past.</summary>
    public required DateOnly Day { get; init; }

    public bool Exit { get; init; }

    /// <summary>The last Tuesday strictly before <paramref name="today"/>: a full working day, always in the past.</summary>
    public static DateOnly LastTuesdayBefore(DateOnly today)
    {
        var day = today.AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
