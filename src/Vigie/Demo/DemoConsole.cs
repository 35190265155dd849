using System.Diagnostics;
using System.Globalization;
using Vigie.Simulation.Region;
using Vigie.Storage.Detection;

namespace Vigie.Demo;

/// <summary>
/// The demo's live display, in French for the region's staff: a progress line every two seconds, one line per
/// alert and per attacker session stopped (with what it got before). Ids and counts only: no patient data.
/// </summary>
internal sealed class DemoConsole(TextWriter output, bool severalDays = false)
{
    /// <summary>Times on the live lines: the hour, with the day when several days are played.</summary>
    private readonly string _time = severalDays ? "dd/MM HH:mm" : "HH:mm";

    private static readonly CultureInfo Fr = French.Culture;
    private readonly TimeZoneInfo _zone = RegionBuilder.ParisTime();
    private readonly Lock _gate = new();
    private readonly Stopwatch _sinceTick = Stopwatch.StartNew();
    private int _stopped;
    private int _alerts;

    public void Title(string text)
    {
        lock (_gate)
        {
            output.WriteLine();
            output.WriteLine("== " + text);
        }
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }

    public void Tick(DateTimeOffset now, DemoScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        lock (_gate)
        {
            if (_sinceTick.ElapsedMilliseconds < 2000)
            {
                return;
            }

            _sinceTick.Restart();
            output.WriteLine(string.Format(Fr, "[{0}] {1:N0} requêtes jouées, dont {2:N0} de l'attaquant · {3} alertes · {4} sessions d'attaquant suspendues",
                Local(now).ToString(_time, Fr), score.Requests, score.AttackRequests, _alerts, _stopped));
        }
    }

    public void AttackerContained(DemoScore.AttackerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (session.SuspendedAt is { } suspended && session.ContainedAt != suspended)
            {
                _stopped++;
                output.WriteLine(string.Format(Fr, "[{0}] SUSPENSION · compte {1} (session {2}) : {3} ; l'attaquant a obtenu {4} patient(s) en tout",
                    Local(suspended).ToString(_time, Fr), session.Victim, session.Session, session.SuspendedBy!.Value.Label(), session.Disclosed.Count));
                return;
            }

            _stopped += session.Over ? 1 : 0;
            output.WriteLine(string.Format(Fr, "[{0}] CONFINEMENT · compte {1} (session {2}) : {3} après {4} patient(s) obtenu(s) par l'attaquant",
                Local(session.ContainedAt!.Value).ToString(_time, Fr), session.Victim, session.Session, session.ContainedBy!.Value.Label(), session.ExposureBeforeContainment));
        }
    }

    public void Alert(AlertRow alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_gate)
        {
            _alerts++;
            output.WriteLine(string.Format(Fr, "[{0}] ALERTE {1} · compte {2}{3} · niveau {4} · raisons : {5}",
                Local(alert.At).ToString(_time, Fr), alert.Kind, alert.ProfessionalId, alert.Session is null ? "" : " (session " + alert.Session + ")", alert.Level, alert.Reasons));
        }
    }

    public DateTime Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone).DateTime;
}
