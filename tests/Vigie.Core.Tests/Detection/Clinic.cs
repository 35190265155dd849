using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;

namespace Vigie.Core.Tests.Detection;

/// <summary>
/// A small world for engine tests: two establishments with their patients, a canary, professionals with a usual
/// workstation and browser, and explicit times (UTC, weeks starting on Monday 2 March 2026).
/// </summary>
internal sealed class Clinic : IPatientFacts
{
    public static readonly Finess Here = new("590000011");
    public static readonly Finess Elsewhere = new("620000022");
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    public const string Workstation = "193.48.10.20";
    public const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36";
    public const string Canary = "p-canary";

    private readonly Dictionary<string, PatientFacts> _facts = new(StringComparer.Ordinal);

    public Clinic(DetectionOptions? options = null)
    {
        Engine = new RiskEngine(options);
        for (var i = 0; i < 3000; i++)
        {
            _facts[Local(i)] = new PatientFacts(false, [Here]);
            _facts[Remote(i)] = new PatientFacts(false, [Elsewhere]);
        }

        _facts[Canary] = new PatientFacts(true, [Here]);
    }

    public RiskEngine Engine { get; }

    public static NationalId Professional(int n) => new("8100000000" + n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A patient in care here.</summary>
    public static string Local(int i) => "p-here-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A patient in care elsewhere only.</summary>
    public static string Remote(int i) => "p-away-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Day(int day, double hour) => Monday.AddDays(day).AddHours(hour);

    public bool TryGet(PatientId patient, out PatientFacts facts) => _facts.TryGetValue(patient.Value, out facts);

    public RiskDecision Read(NationalId who, string session, DateTimeOffset time, string patient, Role role = Role.Physician,
        ContactCategories categories = ContactCategories.None, string ip = Workstation, string userAgent = Browser, DateTimeOffset? authenticatedAt = null, string? purpose = null) =>
        Engine.Decide(new AccessEvent(time, who, Here, role, session, ip, userAgent, AccessAction.Read, null, [new PatientId(patient)], categories, purpose, authenticatedAt), this);

    public RiskDecision Search(NationalId who, string session, DateTimeOffset time, QueryShape query, IEnumerable<string> found, Role role = Role.Physician,
        string ip = Workstation, string userAgent = Browser, DateTimeOffset? authenticatedAt = null) =>
        Engine.Decide(new AccessEvent(time, who, Here, role, session, ip, userAgent, AccessAction.Search, query, [.. found.Select(p => new PatientId(p))], ContactCategories.None, null, authenticatedAt), this);

    /// <summary>
    /// Ordinary weeks of a professional: weekdays 9:00 to 17:00 at the workstation, <paramref name="perDay"/> patients
    /// in care here (one in ten elsewhere), each found by an exact search then read, one session a day.
    /// </summary>
    public void Habit(NationalId who, int days, int perDay = 20, Role role = Role.Physician, int firstDay = 0)
    {
        var seed = who.Value.GetHashCode(StringComparison.Ordinal) & 0xFFFF;
        for (var d = firstDay; d < firstDay + days; d++)
        {
            if (d % 7 >= 5)
            {
                continue;
            }

            var session = $"habit-{who.Value}-{d}";
            for (var i = 0; i < perDay; i++)
            {
                var time = Day(d, 9 + (8.0 * i / perDay));
                var n = (seed + (d * 37) + (i * 11)) % 3000;
                var patient = i % 10 == 9 ? Remote(n) : Local(n);
                Search(who, session, time, QueryShape.Of("NOM" + n, null, new DateOnly(1960, 1, 1).AddDays(n), false, false, null, false, false), [patient], role);
                Read(who, session, time.AddSeconds(30), patient, role);
            }
        }
    }

    /// <summary>Levels of a list of decisions, for assertions.</summary>
    public static IReadOnlyList<RiskLevel> Levels(IEnumerable<RiskDecision> decisions) => [.. decisions.Select(d => d.Level)];
}
