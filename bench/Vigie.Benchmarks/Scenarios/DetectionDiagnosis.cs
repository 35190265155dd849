using System.Globalization;
using Vigie.Core.Detection;
using Vigie.Simulation.Trace;

namespace Vigie.Benchmarks.Scenarios;

/// <summary>
/// `detection --diagnose`: for calibration, what the first non-allow decision of each legitimate user-day was made
/// of (role, level, reasons, scores), counted, so that one sees which signal interrupts ordinary work.
/// </summary>
internal sealed class DetectionDiagnosis(TimeZoneInfo zone, IReadOnlySet<string> attackers)
{
    private readonly HashSet<(string, DateOnly)> _seen = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _samples = [];
    private int _followedLines;

    /// <summary>Attacker sessions whose requests are printed one by one (`--follow PLAYBOOK`).</summary>
    public HashSet<string> Followed { get; } = new(StringComparer.Ordinal);

    public void Add(TraceEvent e, RiskDecision d)
    {
        if (Followed.Contains(e.Access.Session) && _followedLines++ < 5000)
        {
            var s = d.Scores;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  > {e.Access.Role} {e.Access.Session} {TimeZoneInfo.ConvertTime(e.Access.Time, zone):ddd HH:mm:ss} {e.Access.Action} {e.Access.Query?.Traits} n={e.Access.Patients.Count} {d.Level} total {s.Total:F1}/{s.StepUpThreshold:F1} ctx {s.Context:F1} time {s.Timing:F1} care {s.CareLink:F1} contact {s.Contact:F1} probe {s.Probing:F1} broad {s.Breadth:F1} sweep {s.Sweep:F1} vol {s.Volume:F1} n={s.SessionPatients1Minute}/{s.SessionPatients15Minutes}/{s.SessionPatients1Hour}/{s.SessionPatients24Hours}"));
        }

        if (d.Level == RiskLevel.Allow || attackers.Contains(e.Access.Session))
        {
            return;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Access.Time, zone).DateTime);
        if (!_seen.Add((e.Access.Professional.Value, day)))
        {
            return;
        }

        var key = $"{e.Access.Role} {d.Level} {string.Join(",", d.Reasons.Take(3))}";
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        if (_samples.Count < 25)
        {
            var s = d.Scores;
            _samples.Add(string.Create(CultureInfo.InvariantCulture,
                $"{e.Access.Role} {TimeZoneInfo.ConvertTime(e.Access.Time, zone):ddd HH:mm} {d.Level} total {s.Total:F1}/{s.StepUpThreshold:F1} ctx {s.Context:F1} time {s.Timing:F1} care {s.CareLink:F1} contact {s.Contact:F1} probe {s.Probing:F1} broad {s.Breadth:F1} sweep {s.Sweep:F1} vol {s.Volume:F1} n={s.SessionPatients1Minute}/{s.SessionPatients15Minutes}/{s.SessionPatients1Hour}/{s.SessionPatients24Hours} acct24h {s.AccountPatients24Hours} [{string.Join(",", d.Reasons)}]"));
        }
    }

    public void Print()
    {
        foreach (var (key, count) in _counts.OrderByDescending(c => c.Value).Take(30))
        {
            Console.Error.WriteLine($"{count,6} {key}");
        }

        foreach (var s in _samples)
        {
            Console.Error.WriteLine("  " + s);
        }
    }
}
