using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// A targeted list: 300 identities from an earlier leak (15 % out of date), each searched with exact family name,
/// given name and birth date, one every 15 to 45 seconds through a French VPN, a third of them then read with
/// contact data.
/// </summary>
internal sealed class TargetedList(int number, AttackerKit kit, DateOnly day, Professional victim, SimRandom r)
    : Attack(Playbooks.Playbook.Targeted, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var time = At(Day, 9.5 + (R.NextDouble() * 2.5));
        var session = Open(victim, 0, NetworkPlan.HostingAddress(R), UserAgents.Firefox, time, labels);
        foreach (var query in Kit.LeakedList(R, 300, stale: 0.15, exact: true))
        {
            time = Kit.SearchAndRead(victim, session, time, query, 0.33, ContactCategories.Phone | ContactCategories.Address, R, output, readGapSeconds: 10)
                .AddSeconds(R.Next(15, 46));
        }
    }
}
