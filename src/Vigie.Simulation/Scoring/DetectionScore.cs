namespace Vigie.Simulation.Scoring;

/// <summary>The score of a replay: every attacker session, per playbook, and legitimate friction.</summary>
/// <param name="Sessions">Every attacker session.</param>
/// <param name="Playbooks">Per playbook, in the order of <c>Playbook.All</c>.</param>
/// <param name="Friction">Legitimate friction.</param>
public sealed record DetectionScore(IReadOnlyList<AttackSessionScore> Sessions, IReadOnlyList<PlaybookScore> Playbooks, FrictionScore Friction)
{
    /// <summary>The median, over playbooks, of each playbook's median exposure.</summary>
    public double MedianExposureAcrossPlaybooks => Median(Playbooks.Select(p => p.MedianExposure));

    /// <summary>The largest exposure of any attacker session (the worst playbook's worst session).</summary>
    public int WorstExposure => Sessions.Count == 0 ? 0 : Sessions.Max(s => s.Exposure);

    /// <summary>The median of some values (the mean of the middle two for an even count), 0 for none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
