using System.Globalization;
using Vigie.Core.Access;
using Vigie.Core.Identity;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// What attackers bring: lists of identities leaked earlier (real patients only: the leak predates the canaries),
/// lists of common French names to sweep in alphabetical order (which do reach canaries), and sequential guesses.
/// </summary>
internal sealed class AttackerKit(SyntheticRegion region, RequestBuilder requests, int seed)
{
    private readonly Lazy<(string Family, string Given, Sex Sex)[]> _sweep = new(() => BuildSweep(region));

    public SyntheticRegion Region => region;

    public RequestBuilder Requests => requests;

    /// <summary>Identities from an earlier leak, spread over the whole region; a share of them out of date (birth date wrong).</summary>
    public List<TraceQuery> LeakedList(SimRandom r, int count, double stale, bool exact)
    {
        var list = new List<TraceQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var p = region.Patients[region.RealPatients[r.Next(region.RealPatients.Count)]];
            var query = RequestBuilder.FamilyBirth(p, withGiven: exact || r.Chance(0.5), exact);
            list.Add(r.Chance(stale) ? query with { BirthDate = p.BirthDate.AddDays(r.Next(1, 400)) } : query);
        }

        return list;
    }

    /// <summary>Common surnames × common given names in alphabetical order, from a random starting point.</summary>
    public IEnumerable<TraceQuery> NameSweep(SimRandom r)
    {
        var sweep = _sweep.Value;
        var start = r.Next(sweep.Length);
        for (var i = 0; i < sweep.Length; i++)
        {
            var (family, given, sex) = sweep[(start + i) % sweep.Length];
            yield return new TraceQuery(family, false, given, false, null, RequestBuilder.Gender(sex), null);
        }
    }

    /// <summary>IPP guesses counting up from a random number.</summary>
    public IEnumerable<TraceQuery> IdentifierSweep(SimRandom r)
    {
        var from = (long)(r.NextUInt64() % 9_000_000_000UL);
        for (var i = 0L; ; i++)
        {
            yield return RequestBuilder.Identifier((from + i).ToString("D10", CultureInfo.InvariantCulture));
        }
    }

    public SessionContext Session(int attack, int number, string ip, string userAgent, DateTimeOffset start) =>
        new("s-" + (SimRandom.Derive(seed, (attack * 1000L) + number, RegionStreams.Attack) & 0xFFFFFFFFFFUL).ToString("x10", CultureInfo.InvariantCulture), ip, userAgent, start);

    /// <summary>Runs a query and reads some of what it found; returns the time after the last request.</summary>
    public DateTimeOffset SearchAndRead(Professional victim, SessionContext session, DateTimeOffset time, TraceQuery query, double readShare, ContactCategories contact, SimRandom r, List<TraceEvent> output, int readGapSeconds = 2)
    {
        if (requests.Search(victim, session, time, query, out var found) is not { } line)
        {
            return time;
        }

        output.Add(line);
        foreach (var patient in found)
        {
            if (r.Chance(readShare))
            {
                time = time.AddSeconds(1 + r.Next(readGapSeconds));
                output.Add(requests.Read(victim, session, time, patient, contact));
            }
        }

        return time;
    }

    private static (string, string, Sex)[] BuildSweep(SyntheticRegion region)
    {
        // Names an attacker can get from public statistics: the most frequent ones, which are frequent here too.
        var families = region.Patients.GroupBy(p => p.Family, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(400).Select(g => g.Key);
        var givens = region.Patients.GroupBy(p => (p.Given, p.Sex)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Given, StringComparer.Ordinal).Take(30).Select(g => g.Key).ToArray();
        return [.. families.Order(StringComparer.Ordinal).SelectMany(f => givens.OrderBy(g => g.Given, StringComparer.Ordinal).Select(g => (f, g.Given, g.Sex)))];
    }
}
