using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Testing;

/// <summary>
/// A recorded attack, modelled on September 2025: a professional's account is used from an outside address by a
/// script, in two sessions, to harvest identities and contact data, while its owner and colleagues keep working
/// from the hospital; the attacker also signs in with a second account from the same address. Every journal entry
/// the server would write is generated, together with what each client actually received (the ground truth the
/// scope must equal): denials, not-found answers, sign-ins and entries outside the window are in the journal too.
/// </summary>
public sealed class RecordedAttack
{
    public const string Owner = "810007654329";
    public const string Accomplice = "810005554448";
    public const string AttackerIp = "203.0.113.66";
    public const string AttackerAgent = "python-requests/2.31.0";
    public const string HospitalIp = "10.20.30.40";
    public const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    public const string EvilSession1 = "s-evil-1";
    public const string EvilSession2 = "s-evil-2";
    public const string AccompliceSession = "s-evil-3";
    public const string Establishment = "590780193";

    public static readonly string[] Colleagues = ["810001234565", "810009998880", "810003333335", "810004444441"];

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private RecordedAttack(List<JournalEntry> entries, List<(string Session, DateTimeOffset Time, string Patient, DisclosedData Data)> received)
    {
        Entries = entries;
        Received = received;
    }

    /// <summary>The incident's window: three days from <see cref="Start"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window => (Start, Start.AddDays(3));

    /// <summary>The journal, in the order the server would have appended it.</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>What each session's client was actually sent: the ground truth, recorded on the client side.</summary>
    public IReadOnlyList<(string Session, DateTimeOffset Time, string Patient, DisclosedData Data)> Received { get; }

    public static string PatientId(int i) => "p-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Patients received by these sessions inside the window, with the union of categories.</summary>
    public Dictionary<string, DisclosedData> ReceivedBy(params string[] sessions)
    {
        var (from, to) = Window;
        return Received.Where(r => sessions.Contains(r.Session) && r.Time >= from && r.Time < to)
            .GroupBy(r => r.Patient).ToDictionary(g => g.Key, g => g.Aggregate(DisclosedData.None, (c, r) => c | r.Data));
    }

    public static RecordedAttack Generate(int seed = 7, int patients = 300)
    {
        var random = new Random(seed);
        var entries = new List<(JournalEntry Entry, int Order)>();
        var received = new List<(string, DateTimeOffset, string, DisclosedData)>();
        var order = 0;

        void Add(DateTimeOffset time, string? account, string? session, string ip, string agent, JournalAction action, string? patient,
            DisclosedData data, JournalOutcome outcome)
        {
            entries.Add((new JournalEntry(time, new JournalActor(account, account is null ? null : Establishment, "10"),
                new JournalRequest(session, ip, agent, "req-" + order), action, patient is null ? null : new PatientId(patient), data,
                action == JournalAction.Search ? "family,birthdate" : null, null, outcome), order++));
            if (outcome == JournalOutcome.Success && patient is not null && data != DisclosedData.None && session is not null)
            {
                received.Add((session, time, patient, data));
            }
        }

        // Legitimate work: the colleagues and the account's owner, from the hospital, a day either side of the window.
        var legit = Colleagues.Append(Owner).ToArray();
        for (var t = Start.AddDays(-1); t < Start.AddDays(4); t = t.AddSeconds(30 + random.Next(60)))
        {
            var who = legit[random.Next(legit.Length)];
            var session = "s-" + who[^4..] + "-" + (t - Start.AddDays(-1)).Days;
            var patient = PatientId(random.Next(patients));
            var roll = random.Next(20);
            var (action, data, outcome) = roll switch
            {
                0 => (JournalAction.Read, DisclosedData.Identity, JournalOutcome.NotFound),
                1 => (JournalAction.Read, DisclosedData.Identity, JournalOutcome.DeniedByPolicy),
                < 5 => (JournalAction.ContactDisclosure, DisclosedData.Identity | DisclosedData.Phone, JournalOutcome.Success),
                < 12 => (JournalAction.Read, DisclosedData.Identity, JournalOutcome.Success),
                _ => (JournalAction.Search, DisclosedData.Identity, JournalOutcome.Success),
            };
            Add(t, who, session, HospitalIp, Browser, action, patient, data, outcome);
        }

        // The attacker: the owner's account from outside, by script. Session 1 starts an hour before the window.
        void Harvest(string account, string session, DateTimeOffset from, DateTimeOffset to)
        {
            Add(from, account, session, AttackerIp, AttackerAgent, JournalAction.SignIn, null, DisclosedData.None, JournalOutcome.Success);
            for (var t = from.AddSeconds(3); t < to; t = t.AddSeconds(5 + random.Next(20)))
            {
                var roll = random.Next(10);
                if (roll < 5)
                {
                    // A search: one entry per patient returned.
                    foreach (var p in Enumerable.Range(0, 1 + random.Next(5)).Select(_ => PatientId(random.Next(patients))).Distinct())
                    {
                        Add(t, account, session, AttackerIp, AttackerAgent, JournalAction.Search, p, DisclosedData.Identity, JournalOutcome.Success);
                    }
                }
                else if (roll < 8)
                {
                    var data = DisclosedData.Identity | (DisclosedData)(2 << random.Next(3)) | (random.Next(2) == 0 ? DisclosedData.Address : DisclosedData.None);
                    Add(t, account, session, AttackerIp, AttackerAgent, JournalAction.ContactDisclosure, PatientId(random.Next(patients)), data, JournalOutcome.Success);
                }
                else if (roll < 9)
                {
                    // Refused by risk detection: the categories it would have shown are journaled, nothing was sent.
                    Add(t, account, session, AttackerIp, AttackerAgent, JournalAction.ContactDisclosure, PatientId(random.Next(patients)),
                        DisclosedData.Identity | DisclosedData.Phone, JournalOutcome.DeniedByRisk);
                }
                else
                {
                    Add(t, account, session, AttackerIp, AttackerAgent, JournalAction.Read, PatientId(patients + random.Next(50)), DisclosedData.Identity, JournalOutcome.NotFound);
                }
            }
        }

        Harvest(Owner, EvilSession1, Start.AddHours(-1), Start.AddHours(4));
        Harvest(Owner, EvilSession2, Start.AddDays(1).AddHours(20), Start.AddDays(2).AddHours(1));
        Harvest(Accomplice, AccompliceSession, Start.AddDays(2).AddHours(2), Start.AddDays(2).AddHours(4));

        // Exactly at the window's edges: the start is inside, the end is not; and one patient reached only outside it.
        var (windowFrom, windowTo) = Window;
        Add(windowFrom, Owner, EvilSession1, AttackerIp, AttackerAgent, JournalAction.Read, PatientId(patients + 100), DisclosedData.Identity, JournalOutcome.Success);
        Add(windowTo, Owner, EvilSession2, AttackerIp, AttackerAgent, JournalAction.Read, PatientId(patients + 101), DisclosedData.Identity | DisclosedData.Email, JournalOutcome.Success);
        Add(windowTo.AddDays(1), Owner, EvilSession2, AttackerIp, AttackerAgent, JournalAction.Read, PatientId(patients + 102), DisclosedData.Identity, JournalOutcome.Success);

        // The journal is in time order, as a server appends it (ties keep generation order).
        return new RecordedAttack([.. entries.OrderBy(e => e.Entry.Time).ThenBy(e => e.Order).Select(e => e.Entry)], received);
    }
}
