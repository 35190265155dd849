using Vigie.Core.Access;
using Vigie.Simulation.Identities;
using Vigie.Simulation.Region;

namespace Vigie.Simulation.Playbooks;

/// <summary>
/// Schedules the attacks: start days after a few days of ordinary work (so baselines exist, as they would in
/// production), victims drawn without repeats among the roles each playbook goes for.
/// </summary>
internal static class AttackPlanner
{
    private static readonly Role[] Clinical = [Role.Admission, Role.Physician, Role.Nurse, Role.Secretary, Role.Emergency];

    /// <param name="region">The region.</param>
    /// <param name="kit">The attackers' tools.</param>
    /// <param name="playbooks">Playbook names, from <see cref="Playbook.Live"/>.</param>
    /// <param name="perPlaybook">Attacks per playbook.</param>
    /// <param name="startDay">
    /// When set, every attack starts that day (a live play of a short period); otherwise each starts on a drawn day
    /// after the first few days.
    /// </param>
    /// <param name="usurpedAccounts">Accounts of the September pattern, which uses several one after the other.</param>
    public static List<Attack> Plan(SyntheticRegion region, AttackerKit kit, IReadOnlyList<string> playbooks, int perPlaybook, DateOnly? startDay = null, int usurpedAccounts = 4)
    {
        var options = region.Options;
        var r = new SimRandom(SimRandom.Derive(options.Seed, 0, RegionStreams.Attacks));
        var warm = options.Days >= 10 ? 5 : options.Days / 3;
        var taken = new HashSet<int>();
        var attacks = new List<Attack>();
        foreach (var playbook in playbooks)
        {
            var index = Playbook.All.ToList().IndexOf(playbook);
            for (var k = 0; k < perPlaybook; k++)
            {
                var span = playbook is Playbook.Drip or Playbook.Staggered ? 7 : 1;
                var drawn = options.Start.AddDays(warm + r.Next(Math.Max(1, options.Days - warm - span)));
                var day = startDay ?? drawn;
                var random = new SimRandom(SimRandom.Derive(options.Seed, (index * 1000L) + k, RegionStreams.Attack));
                var number = k + 1;
                attacks.Add(playbook switch
                {
                    Playbook.Bulk => new BulkHarvest(number, kit, day, Victim(region, r, taken, Clinical), random),
                    Playbook.Drip => new SlowDrip(number, kit, day, Victim(region, r, taken, [Role.Secretary, Role.Physician, Role.Admission]), random),
                    Playbook.Staggered => new StaggeredAccounts(number, kit, day, [.. Enumerable.Range(0, 10).Select(_ => Victim(region, r, taken, Clinical))], random),
                    Playbook.Targeted => new TargetedList(number, kit, day, Victim(region, r, taken, Clinical), random),
                    Playbook.Contact => new ContactHarvest(number, kit, day, Victim(region, r, taken, [Role.Secretary, Role.Admission]), random),
                    Playbook.Night => new NightBurst(number, kit, day, Victim(region, r, taken, [Role.Physician, Role.Secretary, Role.Admission, Role.IdentityVigilance]), random),
                    Playbook.Infostealer => Infostealer(number, kit, region, day, startDay is not null, r, taken, random),
                    Playbook.September => new SeptemberHarvest(kit, day, SeptemberHarvest.DrawVictims(region, usurpedAccounts, random), random),
                    _ => throw new ArgumentException($"unknown playbook '{playbook}'; playbooks: {string.Join(", ", Playbook.Live)}", nameof(playbooks)),
                });
            }
        }

        return attacks;
    }

    /// <summary>
    /// An infostealer needs its victim at work on site that day: the first such day from the drawn one, or, when the
    /// day is fixed (a live play), a victim on site that very day.
    /// </summary>
    private static Infostealer Infostealer(int number, AttackerKit kit, SyntheticRegion region, DateOnly day, bool dayFixed, SimRandom r, HashSet<int> taken, SimRandom random)
    {
        var last = dayFixed ? day : region.Options.Start.AddDays(region.Options.Days - 1);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var victim = Victim(region, r, taken, [Role.Admission, Role.Secretary, Role.Physician]);
            for (var date = day; date <= last; date = date.AddDays(1))
            {
                var periods = WorkSchedule.Periods(victim, date, new SimRandom(SimRandom.Derive(region.Options.Seed, (victim.Index * 65_536L) + date.DayNumber, RegionStreams.Day)));
                var onSite = periods.Where(p => !p.Remote && !p.Light).ToList();
                if (onSite.Count > 0)
                {
                    return new Infostealer(number, kit, date, victim, onSite, random);
                }
            }

            taken.Remove(victim.Index);
        }

        throw new InvalidOperationException("no professional works on site in the simulated period");
    }

    private static Professional Victim(SyntheticRegion region, SimRandom r, HashSet<int> taken, Role[] roles)
    {
        var candidates = region.Professionals.Where(p => roles.Contains(p.Role) && !taken.Contains(p.Index)).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. region.Professionals.Where(p => p.Role != Role.SecurityOfficer && !taken.Contains(p.Index))];
        }

        var victim = candidates[r.Next(candidates.Count)];
        taken.Add(victim.Index);
        return victim;
    }
}
