using Vigie.Core.Access;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>
/// Who works when: admission desks six days a week in early or late shifts, physicians on weekdays with some
/// Saturdays, evening work from home and rare on-call nights, nurses and emergency staff in 12-hour day or night
/// shifts about 3.5 times a week, secretaries and identity vigilance in office hours with telework days.
/// </summary>
internal static class WorkSchedule
{
    public static List<WorkPeriod> Periods(Professional p, DateOnly date, SimRandom r)
    {
        var periods = new List<WorkPeriod>(3);
        var day = ((int)date.DayOfWeek + 6) % 7;
        var week = date.DayNumber / 7;
        switch (p.Role)
        {
            case Role.Admission:
                if (day == 6 || day == (p.Index + week) % 6 || r.Chance(0.05))
                {
                    break;
                }

                var overtime = r.Chance(0.1) ? 1 + r.NextDouble() : 0;
                periods.Add(r.Chance(0.6)
                    ? Period(date, 7 + J(r, 15), 14.5 + J(r, 20) + overtime, false)
                    : Period(date, 11.5 + J(r, 15), 19 + J(r, 20) + overtime, false));
                break;
            case Role.Physician:
                if (day < 5 && !r.Chance(0.08))
                {
                    periods.Add(Period(date, 8 + J(r, 30), 12.5 + J(r, 20), false));
                    periods.Add(Period(date, 13.5 + J(r, 20), 18.5 + J(r, 45) + (r.Chance(0.1) ? 1.5 : 0), false));
                    if (p.Home is not null && r.Chance(p.RemoteShare))
                    {
                        periods.Add(Period(date, 20.5 + J(r, 30), 22.5 + J(r, 30), true, light: true));
                    }
                }
                else if (day == 5 && r.Chance(0.2))
                {
                    periods.Add(Period(date, 9 + J(r, 20), 12 + J(r, 30), false));
                }

                if (r.Chance(0.04))
                {
                    periods.Add(Period(date, 23 + J(r, 30), 25 + J(r, 30), p.Home is not null, light: true));
                }

                break;
            case Role.Nurse or Role.Emergency:
                var emergency = p.Role == Role.Emergency;
                if (!r.Chance(emergency ? 0.45 : 0.5))
                {
                    break;
                }

                var night = p.NightWorker ? r.Chance(0.9) : r.Chance(emergency ? 0.15 : 0.05);
                var start = (night ? (emergency ? 20 : 19) : (emergency ? 8 : 7)) + J(r, 10);
                periods.Add(Period(date, start, start + 12 + J(r, 20), false));
                break;
            case Role.Secretary or Role.IdentityVigilance:
                if (day >= 5 || r.Chance(0.08))
                {
                    break;
                }

                var remote = p.Home is not null && r.Chance(p.RemoteShare);
                var early = p.Role == Role.Secretary ? 8.5 : 9;
                periods.Add(Period(date, early + J(r, 20), 12.5 + J(r, 15), remote));
                periods.Add(Period(date, 13.5 + J(r, 15), 17.5 + J(r, 30), remote));
                break;
            default:
                break; // security officers review; they do not browse patients
        }

        return periods;
    }

    private static WorkPeriod Period(DateOnly date, double from, double to, bool remote, bool light = false) =>
        new(LocalTime.At(date, from), LocalTime.At(date, to), remote, light);

    /// <summary>Uniform jitter of ± <paramref name="minutes"/>, in hours.</summary>
    private static double J(SimRandom r, double minutes) => ((r.NextDouble() * 2) - 1) * minutes / 60;
}
