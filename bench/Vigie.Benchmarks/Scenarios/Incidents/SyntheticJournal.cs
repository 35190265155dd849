using System.Globalization;
using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Benchmarks.Scenarios.Incidents;

/// <summary>
/// A regional journal of <see cref="Size"/> entries over six months, every field derived from (seed, sequence) by
/// a hash, so any chunk is generated independently and identically on every run. 20,000 professionals work
/// from 300 hospital NAT addresses with common browsers over 2,000,000 patients; during three days in month four
/// the first account is used from an outside address by a script (about <see cref="AttackerDisclosures"/>
/// disclosures plus denials), and a second account joins from the same address. The ground truth of what each of
/// the two accounts received is tallied while generating.
/// </summary>
internal sealed class SyntheticJournal(long size, int seed, int attackerDisclosures)
{
    public const int Accounts = 20_000;
    public const int Patients = 2_000_000;
    public const string AttackerIp = "203.0.113.66";
    public const string AttackerAgent = "python-requests/2.31.0";

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromDays(182);

    private static readonly string[] Browsers =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36 Edg/127.0.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "DPI-Connect/4.2 (Windows; hospital EHR)",
    ];

    private readonly string[] _accounts = [.. Enumerable.Range(0, Accounts).Select(AccountId)];
    private readonly long _attackFrom = (long)(size * (120 / 182.0));
    private readonly long _attackTo = (long)(size * (123 / 182.0));

    public long Size => size;

    public int AttackerDisclosures => attackerDisclosures;

    public string Attacker => _accounts[0];

    public string Accomplice => _accounts[1];

    /// <summary>An ordinary account, for the "typical account" figure.</summary>
    public string Typical => _accounts[4_242];

    public static DateTimeOffset TimeOf(long sequence, long size) => Start + (Span * ((double)sequence / size));

    public JournalEntry Entry(long sequence)
    {
        var time = TimeOf(sequence, size);
        var r = Mix((ulong)seed, (ulong)sequence);
        var attackChance = (double)attackerDisclosures * 1.12 / Math.Max(1, _attackTo - _attackFrom);
        if (sequence >= _attackFrom && sequence < _attackTo && Unit(r) < attackChance)
        {
            return Attack(sequence, time, Mix(r, 1));
        }

        var accountIndex = (int)(Mix(r, 2) % Accounts);
        var account = _accounts[accountIndex];
        var day = (int)(time - Start).TotalDays;
        var patient = PatientIdOf((int)(Mix(r, 3) % Patients));
        var request = new JournalRequest(
            "s" + accountIndex.ToString(CultureInfo.InvariantCulture) + "-" + day.ToString(CultureInfo.InvariantCulture),
            "10." + (accountIndex % 300 / 100).ToString(CultureInfo.InvariantCulture) + "." + (accountIndex % 100).ToString(CultureInfo.InvariantCulture) + ".1",
            Browsers[accountIndex % Browsers.Length],
            "r" + sequence.ToString("x", CultureInfo.InvariantCulture));
        var actor = new JournalActor(account, "5907" + (accountIndex % 300).ToString("D5", CultureInfo.InvariantCulture), "10");
        var roll = Mix(r, 4) % 100;
        return roll switch
        {
            < 55 => new JournalEntry(time, actor, request, JournalAction.Search, patient, DisclosedData.Identity, "family,birthdate", null, JournalOutcome.Success),
            < 80 => new JournalEntry(time, actor, request, JournalAction.Read, patient, DisclosedData.Identity, null, null, JournalOutcome.Success),
            < 90 => new JournalEntry(time, actor, request, JournalAction.ContactDisclosure, patient, DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Address, null, null, JournalOutcome.Success),
            < 95 => new JournalEntry(time, actor, request, JournalAction.SignIn, null, DisclosedData.None, null, null, JournalOutcome.Success),
            < 98 => new JournalEntry(time, actor, request, JournalAction.Read, patient, DisclosedData.Identity, null, null, JournalOutcome.NotFound),
            _ => new JournalEntry(time, actor, request, JournalAction.Read, patient, DisclosedData.Identity, null, null, JournalOutcome.DeniedByPolicy),
        };
    }

    private JournalEntry Attack(long sequence, DateTimeOffset time, ulong r)
    {
        var accomplice = r % 10 == 0;
        var account = accomplice ? Accomplice : Attacker;
        var hour = (int)(time - Start).TotalHours;
        var request = new JournalRequest((accomplice ? "x-" : "e-") + hour.ToString(CultureInfo.InvariantCulture), AttackerIp, AttackerAgent,
            "r" + sequence.ToString("x", CultureInfo.InvariantCulture));
        var actor = new JournalActor(account, "590780193", "10");
        var patient = PatientIdOf((int)(Mix(r, 5) % Patients));
        var roll = Mix(r, 6) % 100;
        return roll switch
        {
            < 60 => new JournalEntry(time, actor, request, JournalAction.Search, patient, DisclosedData.Identity, "family,birthdate", null, JournalOutcome.Success),
            < 90 => new JournalEntry(time, actor, request, JournalAction.ContactDisclosure, patient,
                DisclosedData.Identity | DisclosedData.Phone | DisclosedData.Email | DisclosedData.Address, null, null, JournalOutcome.Success),
            _ => new JournalEntry(time, actor, request, JournalAction.ContactDisclosure, patient, DisclosedData.Identity | DisclosedData.Phone, null, null, JournalOutcome.DeniedByRisk),
        };
    }

    private static PatientId PatientIdOf(int n) => new("p-" + n.ToString("D7", CultureInfo.InvariantCulture));

    private static string AccountId(int n)
    {
        var digits = (10_000_000_000L + (n * 7_919L)).ToString(CultureInfo.InvariantCulture)[1..];
        return "8" + digits + Luhn.CheckDigit(digits);
    }

    // SplitMix64 of the two values: a fixed, fast, well-spread hash.
    private static ulong Mix(ulong a, ulong b)
    {
        var z = a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double Unit(ulong r) => (r >> 11) * (1.0 / (1UL << 53));
}
