using System.Globalization;
using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Region;

/// <summary>
/// One professional's working day as trace lines: their periods of work, a session per sign-in (Pro Santé Connect
/// sessions last 4 hours; people also sign in again after closing the browser), from their workstation, another
/// one, home or a phone, and the encounters of the day spread over the periods.
/// </summary>
internal sealed class LegitimateDay(SyntheticRegion region, RequestBuilder requests)
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(4);

    public void Generate(Professional p, DateOnly date, ProfessionalMemory memory, List<TraceEvent> output)
    {
        var r = new SimRandom(SimRandom.Derive(region.Options.Seed, (p.Index * 65_536L) + date.DayNumber, RegionStreams.Day));
        var periods = WorkSchedule.Periods(p, date, r);
        if (periods.Count == 0)
        {
            return;
        }

        var habits = RoleHabits.Of(p.Role);
        var busy = r.Chance(0.05) ? 1.8 : 1;
        var volume = habits.PatientsPerDay * p.Activity * busy * Math.Exp(0.3 * ProfessionalFactory.Gaussian(r));
        var day = new DayPlan(p, habits, Math.Clamp(habits.UnlinkedShare * Math.Exp(0.4 * ProfessionalFactory.Gaussian(r)), 0, 0.85), memory);
        if (habits.WardShare > 0)
        {
            memory.Renew(region.InCare[p.Establishment.Index], (int)Math.Round(habits.PatientsPerDay * p.Activity * 1.3), r);
        }

        var workHours = periods.Sum(x => x.Light ? 0 : x.Hours);
        var encounters = new Encounters(region, requests, day, r);
        var sessionNumber = 0;
        foreach (var period in periods)
        {
            var count = period.Light ? r.Next(2, 9) : (int)Math.Round(volume * period.Hours / Math.Max(workHours, 1));
            var times = EncounterTimes(p.Role, period, count, r);
            var sessions = Sessions(p, date, period, r, ref sessionNumber);
            foreach (var time in times)
            {
                encounters.Run(SessionAt(sessions, time, r), LocalTime.ToUtc(time, region.TimeZone), output);
            }

            if (p.Role == Role.IdentityVigilance && !period.Remote && period.Start.Hour < 12 && r.Chance(0.4))
            {
                // A duplicate-review burst: 40 to 150 patients in one to two hours.
                var start = period.Start.AddMinutes(r.Next(0, 60));
                var burst = r.Next(40, 151);
                var length = r.Next(60, 121);
                for (var i = 0; i < burst; i++)
                {
                    var time = start.AddMinutes(length * (i + r.NextDouble()) / burst);
                    encounters.Review(SessionAt(sessions, time, r), LocalTime.ToUtc(time, region.TimeZone), output);
                }
            }

            if (p.Role == Role.Admission && r.Chance(0.05))
            {
                // Tomorrow's scheduled admissions, checked one by one in the list's alphabetical order.
                var start = period.Start.AddMinutes(r.Next(30, 120));
                encounters.ScheduledList(sessions, start, r.Next(15, 31), output);
            }
        }
    }

    /// <summary>Encounter start times; admission desks are busiest early in the morning.</summary>
    private static List<DateTime> EncounterTimes(Role role, WorkPeriod period, int count, SimRandom r)
    {
        var times = new List<DateTime>(count);
        var minutes = (period.End - period.Start).TotalMinutes;
        for (var i = 0; i < count; i++)
        {
            var at = r.NextDouble();
            if (role == Role.Admission && r.Chance(0.4))
            {
                at *= at; // skew towards the start of the shift
            }

            times.Add(period.Start.AddMinutes(at * minutes * 0.97));
        }

        times.Sort();
        return times;
    }

    /// <summary>The sign-ins of a period: a new one every four hours and after a closed browser, sometimes on another workstation.</summary>
    private List<(DateTime From, SessionContext Session)> Sessions(Professional p, DateOnly date, WorkPeriod period, SimRandom r, ref int number)
    {
        var sessions = new List<(DateTime, SessionContext)>();
        var from = period.Start;
        var mobile = period.Remote && p.UsesPhone && r.Chance(0.5);
        var mobileIp = NetworkPlan.MobileAddress(r);
        while (from < period.End)
        {
            string ip;
            if (period.Remote)
            {
                // A phone gets a new carrier address with each sign-in.
                ip = mobile ? (r.Chance(0.5) ? mobileIp : NetworkPlan.MobileAddress(r)) : p.Home ?? p.Workstation;
            }
            else if (p.Role is Role.Nurse or Role.Emergency && r.Chance(0.3))
            {
                var e = p.Establishment;
                ip = NetworkPlan.Host(e.Network, e.Subnets[r.Next(e.Subnets.Count)], r.Next(10, 250));
            }
            else
            {
                ip = p.Workstation;
            }

            var userAgent = mobile ? UserAgents.Phone(r) : r.Chance(0.005) ? UserAgents.Personal(r) : p.UserAgent;
            var id = "s-" + (SimRandom.Derive(region.Options.Seed, (p.Index * 1_000_000L) + (date.DayNumber * 16L) + number++, RegionStreams.Sessions) & 0xFFFFFFFFFFUL)
                .ToString("x10", CultureInfo.InvariantCulture);
            sessions.Add((from, new SessionContext(id, ip, userAgent, LocalTime.ToUtc(from, region.TimeZone))));
            var next = from + SessionLifetime;
            if (r.Chance(0.25))
            {
                next = from.AddMinutes(r.Next(30, 200));
            }

            from = next;
        }

        return sessions;
    }

    /// <summary>The session in use at <paramref name="time"/>; just after a new sign-in the old one is sometimes still used a
    /// little (two workstations open, or a tab left open).</summary>
    private static SessionContext SessionAt(List<(DateTime From, SessionContext Session)> sessions, DateTime time, SimRandom r)
    {
        var current = 0;
        for (var i = 0; i < sessions.Count && sessions[i].From <= time; i++)
        {
            current = i;
        }

        if (current > 0 && time < sessions[current].From.AddMinutes(20) && time < sessions[current - 1].From + SessionLifetime && r.Chance(0.15))
        {
            current--;
        }

        return sessions[current].Session;
    }
}
