using Vigie.Core.Access;
using Vigie.Core.Detection;
using Vigie.Core.Identity;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Region;

/// <summary>
/// Builds trace lines as the registry would answer them: a search lists every patient matching its parameters
/// (more than 20 is refused by the search rules, so it is left out of the trace), a read discloses one patient.
/// Used alike by legitimate days and attack playbooks, so that both get the same answers.
/// </summary>
internal sealed class RequestBuilder(SyntheticRegion region)
{
    public const int MaxResults = 20;

    /// <summary>A search (or $match), or null when the registry would refuse it as too broad.</summary>
    public TraceEvent? Search(Professional who, SessionContext session, DateTimeOffset time, TraceQuery query, ContactCategories categories = ContactCategories.None, AccessAction action = AccessAction.Search) =>
        Search(who, session, time, query, out _, categories, action);

    /// <summary>A search, and the patients it found (by index), or null when the registry would refuse it as too broad.</summary>
    public TraceEvent? Search(Professional who, SessionContext session, DateTimeOffset time, TraceQuery query, out IReadOnlyList<int> found, ContactCategories categories = ContactCategories.None, AccessAction action = AccessAction.Search)
    {
        var results = Results(query, who.Establishment.Finess);
        found = results ?? [];
        if (results is null)
        {
            return null;
        }

        var ids = new PatientId[results.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new PatientId(region.Patients[results[i]].Id);
        }

        return new TraceEvent(Access(who, session, time, action, query.Shape, ids, ids.Length == 0 ? ContactCategories.None : categories, null), query);
    }

    /// <summary>A read of one patient.</summary>
    public TraceEvent Read(Professional who, SessionContext session, DateTimeOffset time, int patient, ContactCategories categories, string? purpose = null) =>
        new(Access(who, session, time, AccessAction.Read, null, [new PatientId(region.Patients[patient].Id)], categories, purpose), null);

    /// <summary>A read of an id that does not exist (a guess).</summary>
    public TraceEvent ReadMissing(Professional who, SessionContext session, DateTimeOffset time) =>
        new(Access(who, session, time, AccessAction.Read, null, [], ContactCategories.None, null), null);

    public static TraceQuery FamilyBirth(RegionPatient p, bool withGiven, bool exact) =>
        new(p.Family, exact, withGiven ? p.Given : null, exact && withGiven, p.BirthDate, null, null);

    public static TraceQuery FamilyGivenGender(RegionPatient p) => new(p.Family, false, p.Given, false, null, Gender(p.Sex), null);

    public static TraceQuery Identifier(string ipp) => new(null, false, null, false, null, null, ipp);

    public static string Gender(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.Other => "other",
        _ => "unknown",
    };

    /// <summary>
    /// The matching patients as the registry's PDQm search finds them (names by prefix unless <c>:exact</c>), or null
    /// when more than <see cref="MaxResults"/> match (the professional then narrows the search), or when the query is
    /// not one the simulated software sends (a family name with neither a birth date nor a given name and gender).
    /// </summary>
    public IReadOnlyList<int>? Results(TraceQuery query, Finess establishment)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Identifier is { } ipp)
        {
            var found = region.Index.Ipp(establishment, ipp);
            return found < 0 ? [] : [found];
        }

        if (query.Family is null)
        {
            return [];
        }

        if (query.BirthDate is null && (query.Given is null || query.Gender is null))
        {
            return null;
        }

        var results = new List<int>();
        foreach (var c in region.Index.Family(query.Family, query.FamilyExact))
        {
            var p = region.Patients[c];
            if ((query.BirthDate is not { } birthDate || p.BirthDate == birthDate)
                && (query.Given is not { } given || p.HasGivenName(given, query.GivenExact))
                && (query.Gender is null || Gender(p.Sex) == query.Gender))
            {
                results.Add(c);
                if (results.Count > MaxResults)
                {
                    return null;
                }
            }
        }

        return results;
    }

    // Journals and the trace format keep whole seconds.
    private static AccessEvent Access(Professional who, SessionContext session, DateTimeOffset time, AccessAction action, QueryShape? shape, IReadOnlyList<PatientId> patients, ContactCategories categories, string? purpose) =>
        new(Seconds(time), who.Id, who.Establishment.Finess, who.Role, session.Id, session.Ip, session.UserAgent, action, shape, patients, categories, purpose, Seconds(session.AuthenticatedAt));

    private static DateTimeOffset Seconds(DateTimeOffset time) => time.AddTicks(-(time.UtcTicks % TimeSpan.TicksPerSecond));
}
