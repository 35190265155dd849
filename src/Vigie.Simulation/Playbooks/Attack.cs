using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;
using Vigie.Simulation.Trace;

namespace Vigie.Simulation.Playbooks;

/// <summary>One attack: a playbook played from a start day against one or more victims' accounts.</summary>
internal abstract class Attack(string playbook, int number, AttackerKit kit, DateOnly day, IReadOnlyList<Professional> victims, SimRandom random)
{
    public string Playbook => playbook;

    public string Id { get; } = playbook + "-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<Professional> Victims => victims;

    public DateOnly Day => day;

    protected AttackerKit Kit => kit;

    protected SimRandom R => random;

    protected int Number => number;

    /// <summary>Adds the attack's requests (in any order) and one label per attacker session.</summary>
    public abstract void Generate(List<TraceEvent> output, List<AttackLabel> labels);

    protected DateTimeOffset At(DateOnly date, double hour) => LocalTime.ToUtc(LocalTime.At(date, hour), kit.Region.TimeZone);

    protected SessionContext Open(Professional victim, int session, string ip, string userAgent, DateTimeOffset start, List<AttackLabel> labels)
    {
        var context = kit.Session((number * 64) + Playbooks.Playbook.All.ToList().IndexOf(playbook), session, ip, userAgent, start);
        labels.Add(new AttackLabel(context.Id, victim.Id, playbook, Id));
        return context;
    }
}
