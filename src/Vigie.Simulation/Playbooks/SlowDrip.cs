using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// A slow drip: five working days in a row, 9:00 to 17:00, one request every two to six minutes from a residential
/// address (a VPN exit in France) with the commonest browser, working through a leaked list; about a hundred
/// patients a day, half of them read with their contact data.
/// </summary>
internal sealed class SlowDrip(int number, AttackerKit kit, DateOnly day, Professional victim, SimRandom r)
    : Attack(Playbooks.Playbook.Drip, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var ip = NetworkPlan.HomeAddress(R);
        var list = Kit.LeakedList(R, 1200, stale: 0.1, exact: false);
        var next = 0;
        var date = Day;
        for (var d = 0; d < 5; d++, date = date.AddDays(1))
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            var time = At(date, 9 + R.NextDouble());
            var end = At(date, 17);
            var session = Open(victim, d, ip, UserAgents.Chrome, time, labels);
            while (time < end && next < list.Count)
            {
                var contact = R.Chance(0.5) ? ContactCategories.Phone | ContactCategories.Email | ContactCategories.Address : ContactCategories.None;
                time = Kit.SearchAndRead(victim, session, time, list[next++], 1.0, contact, R, output, readGapSeconds: 20).AddSeconds(R.Next(120, 361));
            }
        }
    }
}
