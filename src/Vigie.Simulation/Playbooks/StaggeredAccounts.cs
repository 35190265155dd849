using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// Ten accounts, one after the other: each harvest starts six to fourteen hours after the previous one (so they
/// span several days, nights included), lasts one to two hours at a request every 10 to 30 seconds, sweeps common
/// names and reads half of the results, from one of three servers of the same small infrastructure.
/// </summary>
internal sealed class StaggeredAccounts(int number, AttackerKit kit, DateOnly day, IReadOnlyList<Professional> victims, SimRandom r)
    : Attack(Playbooks.Playbook.Staggered, number, kit, day, victims, r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var servers = Enumerable.Range(0, 3).Select(_ => NetworkPlan.HostingAddress(R)).ToArray();
        var time = At(Day, 9 + (R.NextDouble() * 2));
        var sweep = Kit.NameSweep(R).GetEnumerator();
        using (sweep)
        {
            for (var v = 0; v < Victims.Count; v++)
            {
                var victim = Victims[v];
                var ip = NetworkPlan.Neighbour(servers[R.Next(servers.Length)], R);
                var session = Open(victim, v, ip, UserAgents.Chrome, time, labels);
                var end = time.AddMinutes(R.Next(60, 121));
                var t = time;
                while (t < end && sweep.MoveNext())
                {
                    t = Kit.SearchAndRead(victim, session, t, sweep.Current, 0.5, ContactCategories.None, R, output, readGapSeconds: 5).AddSeconds(R.Next(10, 31));
                }

                time = time.AddHours(6 + (R.NextDouble() * 8));
            }
        }
    }
}
