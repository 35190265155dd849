using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// Contact harvesting (for phishing): for four hours, search a leaked identity then read phone, email and address,
/// every 20 to 60 seconds, from a residential address with a common browser.
/// </summary>
internal sealed class ContactHarvest(int number, AttackerKit kit, DateOnly day, Professional victim, SimRandom r)
    : Attack(Playbooks.Playbook.Contact, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var time = At(Day, 10 + (R.NextDouble() * 3));
        var end = time.AddHours(4);
        var session = Open(victim, 0, NetworkPlan.HomeAddress(R), UserAgents.Edge, time, labels);
        foreach (var query in Kit.LeakedList(R, 2000, stale: 0.1, exact: false))
        {
            if (time > end)
            {
                break;
            }

            time = Kit.SearchAndRead(victim, session, time, query, 1.0, ContactCategories.All, R, output, readGapSeconds: 5).AddSeconds(R.Next(20, 61));
        }
    }
}
