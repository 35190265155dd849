using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// A night burst from abroad: between 1:00 and 3:00, a script first guesses sequential IPPs, then sweeps common
/// names every one to three seconds for two hours, reading half of the results.
/// </summary>
internal sealed class NightBurst(int number, AttackerKit kit, DateOnly day, Professional victim, SimRandom r)
    : Attack(Playbooks.Playbook.Night, number, kit, day, [victim], r)
{
    public override void Generate(List<TraceEvent> output, List<AttackLabel> labels)
    {
        var time = At(Day, 1 + (R.NextDouble() * 2));
        var end = time.AddHours(2);
        var session = Open(victim, 0, NetworkPlan.AbroadAddress(R), UserAgents.Scripts[R.Next(UserAgents.Scripts.Length)], time, labels);
        foreach (var guess in Kit.IdentifierSweep(R).Take(40))
        {
            time = Kit.SearchAndRead(victim, session, time, guess, 1.0, ContactCategories.None, R, output).AddSeconds(R.Next(1, 3));
        }

        foreach (var query in Kit.NameSweep(R))
        {
            if (time > end)
            {
                break;
            }

            time = Kit.SearchAndRead(victim, session, time, query, 0.5, ContactCategories.None, R, output).AddSeconds(R.Next(1, 4));
        }
    }
}
