namespace Vigie.Simulation.Scoring;

/// <summary>
/// Friction on legitimate work, per user-day (a professional's local calendar day with at least one legitimate
/// request): whether it had a step-up, and whether it had a throttle or block (a hard block). Attacker sessions do
/// not count. Victims' own legitimate days are counted, and also shown apart, since containing an attack on their
/// account may block them too.
/// </summary>
/// <param name="UserDays">User-days.</param>
/// <param name="StepUpDays">User-days with at least one step-up.</param>
/// <param name="HardBlockDays">User-days with at least one throttle or block.</param>
/// <param name="VictimUserDays">User-days of professionals whose account an attacker used.</param>
/// <param name="VictimStepUpDays">Among them, with a step-up.</param>
/// <param name="VictimHardBlockDays">Among them, with a hard block.</param>
public sealed record FrictionScore(int UserDays, int StepUpDays, int HardBlockDays, int VictimUserDays, int VictimStepUpDays, int VictimHardBlockDays)
{
    /// <summary>
    /// Several runs' friction as one (counts added). A target of one hard block per 10,000 user-days cannot be
    /// resolved by one 30-day region of ~9,000 user-days (it allows less than one), so the benchmark also pools
    /// regions simulated with other seeds, each with the same attack density.
    /// </summary>
    public static FrictionScore Pool(IEnumerable<FrictionScore> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Aggregate(new FrictionScore(0, 0, 0, 0, 0, 0), (a, b) => new FrictionScore(
            a.UserDays + b.UserDays, a.StepUpDays + b.StepUpDays, a.HardBlockDays + b.HardBlockDays,
            a.VictimUserDays + b.VictimUserDays, a.VictimStepUpDays + b.VictimStepUpDays, a.VictimHardBlockDays + b.VictimHardBlockDays));
    }

    /// <summary>Step-ups per 100 user-days.</summary>
    public double StepUpsPer100 => UserDays == 0 ? 0 : 100.0 * StepUpDays / UserDays;

    /// <summary>Hard blocks per 10,000 user-days.</summary>
    public double HardBlocksPer10000 => UserDays == 0 ? 0 : 10_000.0 * HardBlockDays / UserDays;

    /// <summary>Step-ups per 100 user-days of professionals who were not victims.</summary>
    public double BystanderStepUpsPer100 => UserDays == VictimUserDays ? 0 : 100.0 * (StepUpDays - VictimStepUpDays) / (UserDays - VictimUserDays);

    /// <summary>Hard blocks per 10,000 user-days of professionals who were not victims.</summary>
    public double BystanderHardBlocksPer10000 => UserDays == VictimUserDays ? 0 : 10_000.0 * (HardBlockDays - VictimHardBlockDays) / (UserDays - VictimUserDays);
}
