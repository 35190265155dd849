using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// Bulk harvesting: a script on a hosting provider's server signs in with the stolen credentials in the afternoon
/// and sweeps common names (family + given + gender) every few seconds for up to three hours, reading half of what
/// it finds.
/// </summary>
internal sealed class BulkHarvest(int number, AttackerKit kit, DateOnly day, Professional victim, SimRandom r)
    : Attack(Playbooks.Playbook.Bulk, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var time = At(Day, 10 + (R.NextDouble() * 5));
        var end = time.AddHours(3);
        var session = Open(victim, 0, NetworkPlan.HostingAddress(R), UserAgents.Scripts[R.Next(UserAgents.Scripts.Length)], time, labels);
        foreach (var query in Kit.NameSweep(R))
        {
            if (time > end)
            {
                break;
            }

            time = Kit.SearchAndRead(victim, session, time, query, 0.5, ContactCategories.None, R, output).AddSeconds(R.Next(2, 6));
        }
    }
}
