using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Region;

/// <summary>
/// One patient encounter as registry requests: find the patient (sometimes not at the first try, sometimes not at
/// all because they are new), then read their record, with contact data when the job needs it, declaring a
/// break-the-glass purpose for a patient not in care here when the role does that.
/// </summary>
internal sealed class Encounters(SyntheticRegion region, RequestBuilder requests, DayPlan day, SimRandom r)
{
    private const ContactCategories Contact = ContactCategories.Phone | ContactCategories.Address;

    // A Pro Santé Connect session lasts four hours: past that, the professional has signed in again.
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(4);

    public void Run(SessionContext session, DateTimeOffset time, List<TraceEvent> output)
    {
        var p = day.Professional;
        var habits = day.Habits;
        var (target, linked) = PickPatient();
        if (target < 0)
        {
            return;
        }

        var patient = region.Patients[target];
        if (r.Chance(habits.SearchShare))
        {
            if (r.Chance(habits.NotFoundShare))
            {
                if (r.Chance(0.6))
                {
                    NewPatient(session, time, output);
                    return;
                }

                // A typo in the birth date first, then the right search.
                var typo = RequestBuilder.FamilyBirth(patient, withGiven: false, exact: false) with { BirthDate = patient.BirthDate.AddDays(r.Chance(0.5) ? 1 : -1) };
                Emit(output, requests.Search(p, session, time, typo));
                time = time.AddSeconds(r.Next(15, 60));
            }

            var query = r.Chance(habits.IdentifierShare) && patient.IppIn(p.Establishment.Finess) is { } ipp ? RequestBuilder.Identifier(ipp)
                : r.Chance(habits.BroadShare) ? RequestBuilder.FamilyGivenGender(patient)
                : RequestBuilder.FamilyBirth(patient, withGiven: r.Chance(0.5), exact: r.Chance(0.3));
            var found = requests.Search(p, session, time, query) ?? requests.Search(p, session, time, RequestBuilder.FamilyBirth(patient, true, false));
            Emit(output, found);
            if (!r.Chance(habits.ReadAfterSearch))
            {
                return;
            }

            time = time.AddSeconds(r.Next(10, 60));
        }

        var purpose = !linked && r.Chance(habits.BreakGlassShare) ? "ETREAT" : null;
        Emit(output, requests.Read(p, session, time, target, r.Chance(habits.ContactShare) ? Contact : ContactCategories.None, purpose));
        if (p.Role is Role.Nurse or Role.Physician && r.Chance(0.3))
        {
            // The same patient again later in the shift (a new result, a handover).
            Emit(output, requests.Read(p, session, time.AddMinutes(r.Next(2, 40)), target, ContactCategories.None, purpose));
        }
    }

    /// <summary>An identity-vigilance review: a suspected duplicate pair, often found by a broad search first.</summary>
    public void Review(SessionContext session, DateTimeOffset time, List<TraceEvent> output)
    {
        var p = day.Professional;
        var (first, _) = PickPatient();
        if (first < 0)
        {
            return;
        }

        var patient = region.Patients[first];
        if (r.Chance(0.5))
        {
            Emit(output, requests.Search(p, session, time, RequestBuilder.FamilyGivenGender(patient)));
            time = time.AddSeconds(r.Next(5, 30));
        }

        Emit(output, requests.Read(p, session, time, first, r.Chance(0.3) ? Contact : ContactCategories.None));
        var (second, _) = PickPatient();
        if (second >= 0)
        {
            Emit(output, requests.Read(p, session, time.AddSeconds(r.Next(5, 40)), second, r.Chance(0.3) ? Contact : ContactCategories.None));
        }
    }

    /// <summary>The day's scheduled admissions, in care here, searched in alphabetical order of the printed list.</summary>
    public void ScheduledList(List<(DateTime From, SessionContext Session)> sessions, DateTime start, int count, List<TraceEvent> output)
    {
        var inCare = region.InCare[day.Professional.Establishment.Index];
        if (inCare.Count == 0)
        {
            return;
        }

        var list = Enumerable.Range(0, count).Select(_ => inCare[r.Next(inCare.Count)]).OrderBy(i => region.Patients[i].Family, StringComparer.Ordinal).ToList();
        var session = sessions.Last(s => s.From <= start).Session;
        for (var i = 0; i < list.Count; i++)
        {
            var time = LocalTime.ToUtc(start.AddSeconds(i * r.Next(40, 120)), region.TimeZone);
            Emit(output, requests.Search(day.Professional, session, time, RequestBuilder.FamilyBirth(region.Patients[list[i]], withGiven: true, exact: false)));
        }
    }

    /// <summary>Someone not yet in the registry: their search finds nobody (sometimes tried twice), then the desk creates them.</summary>
    private void NewPatient(SessionContext session, DateTimeOffset time, List<TraceEvent> output)
    {
        var someone = region.Patients[region.RealPatients[r.Next(region.RealPatients.Count)]];
        var query = RequestBuilder.FamilyBirth(someone, withGiven: r.Chance(0.5), exact: false) with { BirthDate = someone.BirthDate.AddDays(r.Next(400, 9000)) };
        Emit(output, requests.Search(day.Professional, session, time, query));
        if (r.Chance(0.4))
        {
            Emit(output, requests.Search(day.Professional, session, time.AddSeconds(r.Next(10, 40)), query with { Given = null, GivenExact = false }));
        }
    }

    /// <summary>A patient for this encounter: from the ward list, one not in care here (today's share), or one in care here.</summary>
    private (int Patient, bool Linked) PickPatient()
    {
        var p = day.Professional;
        var inCare = region.InCare[p.Establishment.Index];
        if (day.Memory.Ward.Count > 0 && r.Chance(day.Habits.WardShare))
        {
            return (day.Memory.Ward[r.Next(day.Memory.Ward.Count)], true);
        }

        if (r.Chance(day.UnlinkedToday) || inCare.Count == 0)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var candidate = region.RealPatients[r.Next(region.RealPatients.Count)];
                if (!region.Patients[candidate].Establishments.Contains(p.Establishment.Finess))
                {
                    return (candidate, false);
                }
            }
        }

        return inCare.Count == 0 ? (-1, false) : (inCare[r.Next(inCare.Count)], true);
    }

    private static void Emit(List<TraceEvent> output, TraceEvent? line)
    {
        if (line is not null && line.Access.Time - line.Access.AuthenticatedAt!.Value < SessionLifetime)
        {
            output.Add(line);
        }
    }
}
