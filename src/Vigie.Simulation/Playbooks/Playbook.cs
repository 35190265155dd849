namespace Vigie.Simulation.Playbooks;

/// <summary>The attack playbooks of issue 5, by the names the CLI, the labels and the benchmark use.</summary>
public static class Playbook
{
    /// <summary>Bulk harvesting from a new network, at script speed.</summary>
    public const string Bulk = "bulk";

    /// <summary>A slow drip in working hours over a week, from one outside address.</summary>
    public const string Drip = "drip";

    /// <summary>Ten accounts used one after the other, staggered over days, from a small pool of servers.</summary>
    public const string Staggered = "staggered";

    /// <summary>A list of identities from an earlier leak, each searched with exact traits.</summary>
    public const string Targeted = "targeted";

    /// <summary>Contact harvesting: phone, email and address of patient after patient.</summary>
    public const string Contact = "contact";

    /// <summary>A night burst from abroad.</summary>
    public const string Night = "night";

    /// <summary>An infostealer on the victim's own machine: same address and browser, while the owner works.</summary>
    public const string Infostealer = "infostealer";

    /// <summary>
    /// The demo's attack (not in <see cref="All"/>): the September 2025 pattern compressed into one working day,
    /// several usurped accounts one after the other, harvesting identities and contact data.
    /// </summary>
    public const string September = "september";

    /// <summary>Every playbook, in the order.</summary>
    public static IReadOnlyList<string> All { get; } = [Bulk, Drip, Staggered, Targeted, Contact, Night, Infostealer];

    /// <summary>What can be played live against a server (`vigie demo --playbooks`): every playbook and the demo's own.</summary>
    public static IReadOnlyList<string> Live { get; } = [September, .. All];

    /// <summary>
    /// Calendar days a playbook's requests can spread over from its start day: a drip works five working days (a
    /// weekend may fall in them), a staggered attack's ten harvests start 6 to 14 hours apart (up to about six days),
    /// a night burst runs past midnight; the others stay within their day.
    /// </summary>
    public static int SpanDays(string playbook) => playbook switch
    {
        Drip or Staggered => 7,
        Night => 2,
        _ => 1,
    };
}
