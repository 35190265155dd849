using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Incidents;

internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static readonly TimeWindow Window = new(Start, Start.AddDays(1));

    public static IncidentSelectors Selectors(string[]? accounts = null, string[]? sessions = null, string[]? ips = null, string[]? agents = null) =>
        IncidentSelectors.Create(accounts, sessions, ips, agents).Value;

    public static JournalEntry Entry(DateTimeOffset time, string? account, string? session, string? ip, string? agent, string? patient,
        DisclosedData data, JournalOutcome outcome = JournalOutcome.Success, JournalAction action = JournalAction.Read) =>
        new(time, new JournalActor(account, "590780193", "10"), new JournalRequest(session, ip, agent, "r"), action,
            patient is null ? null : new PatientId(patient), data, null, null, outcome);

    /// <summary>A random journal over a few accounts, sessions, IPs and agents, every outcome, a window's edges included.</summary>
    public static List<JournalEntry> RandomJournal(int seed, int count)
    {
        var random = new Random(seed);
        string Pick(params string[] values) => values[random.Next(values.Length)];
        int PickInt(params int[] values) => values[random.Next(values.Length)];
        return [.. Enumerable.Range(0, count).Select(_ => Entry(
            Start.AddMinutes(random.Next(-120, 1560)),
            random.Next(10) == 0 ? null : Pick("810007654329", "810001234565", "officer:bob"),
            random.Next(10) == 0 ? null : Pick("s1", "s2", "s3", "s4"),
            random.Next(10) == 0 ? null : Pick("192.0.2.1", "::ffff:192.0.2.1", "198.51.100.7", "2001:db8::1", "not-an-ip"),
            random.Next(10) == 0 ? null : Pick("curl/8", "Firefox", "python-requests"),
            random.Next(8) == 0 ? null : "p-" + random.Next(40),
            (DisclosedData)random.Next(16),
            (JournalOutcome)PickInt(0, 0, 0, 1, 2, 3, 4),
            (JournalAction)PickInt(1, 2, 3, 5, 11, 20)))];
    }
}
