using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// An infostealer on the victim's own workstation: its own session, from the same address with the same browser,
/// opened about an hour after the owner starts and kept until they leave, one request every 30 to 90 seconds
/// (mostly a leaked list, sometimes a name sweep), a third of the patients read with contact data. The owner's day
/// is the simulator's ordinary day for them, so both work side by side.
/// </summary>
internal sealed class Infostealer(int number, AttackerKit kit, DateOnly day, Professional victim, IReadOnlyList<WorkPeriod> owner, SimRandom r)
    : Attack(Playbooks.Playbook.Infostealer, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var zone = Kit.Region.TimeZone;
        var time = LocalTime.ToUtc(owner[0].Start.AddMinutes(R.Next(45, 91)), zone);
        var end = LocalTime.ToUtc(owner[^1].End, zone);
        var session = Open(victim, 0, victim.Workstation, victim.UserAgent, time, labels);
        var list = Kit.LeakedList(R, 1000, stale: 0.1, exact: false);
        using var sweep = Kit.NameSweep(R).GetEnumerator();
        var next = 0;
        while (time < end && next < list.Count)
        {
            var query = R.Chance(0.2) && sweep.MoveNext() ? sweep.Current : list[next++];
            var contact = R.Chance(0.33) ? ContactCategories.Phone | ContactCategories.Email : ContactCategories.None;
            time = Kit.SearchAndRead(victim, session, time, query, 0.7, contact, R, output, readGapSeconds: 15).AddSeconds(R.Next(30, 91));
        }
    }
}
