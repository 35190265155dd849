using FsCheck;
using FsCheck.Fluent;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Tests.Journal;

/// <summary>Journal entries for tests: every field exercised (absent, empty, accented, long, odd Unicode), each entry unique by its request id.</summary>
internal static class SampleEntries
{
    private static readonly string?[] Texts =
    [
        null, "", "10003456789", "590780193", "10", "SM26", "sess-4f1c", "192.0.2.17", "2001:db8::1",
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", "family,birthdate:exact;grade=certain", "urgence vitale",
        "Hôpital Saint-Vincent-de-Paul — Lille", "名前", "emoji \U0001F600", new string('x', 200), new string('é', 90),
    ];

    private static readonly DateTimeOffset Epoch = new(2026, 3, 2, 8, 15, 3, TimeSpan.Zero);

    public static Arbitrary<JournalEntry> Arbitrary { get; } =
        Gen.Choose(0, int.MaxValue).Select(seed => Create(new Random(seed), seed)).ToArbitrary();

    public static JournalEntry Create(Random random, long unique)
    {
        string? Pick() => Texts[random.Next(Texts.Length)];
        var patient = random.Next(4) == 0 ? (PatientId?)null : new PatientId("p-" + random.Next(100_000));
        return new JournalEntry(
            Epoch.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 400)),
            new JournalActor(Pick(), Pick(), Pick()),
            new JournalRequest(Pick(), Pick(), Pick(), "req-" + unique),
            (JournalAction)random.Next(0, 50),
            patient,
            (DisclosedData)random.Next(0, 16),
            Pick(),
            Pick(),
            (JournalOutcome)random.Next(0, 5));
    }

    public static List<JournalEntry> Many(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Create(random, ((long)seed << 20) + i))];
    }
}
