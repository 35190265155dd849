using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// The September 2025 pattern played inside one working day (the demo's attack): several usurped accounts used one
/// after the other, each starting 60 to 120 minutes after the previous one, from a small pool of rented servers,
/// sweeping common names and reading most results with their phone, email and address at script speed (a search
/// every 1 to 4 seconds, reads 1 to 2 seconds apart) for up to 90 minutes, and carrying on through refusals, as the
/// harvesting scripts did.
/// </summary>
internal sealed class SeptemberHarvest(AttackerKit kit, DateOnly day, IReadOnlyList<Professional> victims, SimRandom r)
    : Attack(Playbooks.Playbook.September, 1, kit, day, victims, r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var servers = Enumerable.Range(0, 3).Select(_ => NetworkPlan.HostingAddress(R)).ToArray();
        var time = At(Day, 9.5 + (R.NextDouble() * 0.5));
        var sweep = Kit.NameSweep(R).GetEnumerator();
        using (sweep)
        {
            for (var v = 0; v < Victims.Count; v++)
            {
                var ip = NetworkPlan.Neighbour(servers[R.Next(servers.Length)], R);
                var session = Open(Victims[v], v, ip, UserAgents.Chrome, time, labels);
                var end = time.AddMinutes(90);
                var t = time;
                while (t < end && sweep.MoveNext())
                {
                    t = Kit.SearchAndRead(Victims[v], session, t, sweep.Current, 0.8, ContactCategories.All, R, output, readGapSeconds: 2).AddSeconds(R.Next(1, 5));
                }

                time = time.AddMinutes(R.Next(60, 121));
            }
        }
    }

    /// <summary>Victims: clinical and desk accounts at work that day, drawn without repeats, never a security officer.</summary>
    public static List<Professional> DrawVictims(SyntheticRegion region, int count, SimRandom r)
    {
        Role[] roles = [Role.Admission, Role.Physician, Role.Nurse, Role.Secretary, Role.Emergency];
        var candidates = region.Professionals.Where(p => roles.Contains(p.Role)).ToList();
        var victims = new List<Professional>(count);
        while (victims.Count < Math.Min(count, candidates.Count))
        {
            var pick = candidates[r.Next(candidates.Count)];
            if (!victims.Contains(pick))
            {
                victims.Add(pick);
            }
        }

        return victims;
    }
}
