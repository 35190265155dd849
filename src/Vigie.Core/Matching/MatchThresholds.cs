namespace Vigie.Core.Matching;

/// <summary>
/// Posterior probabilities from which a pair is graded certain, probable or possible.
/// </summary>
/// <param name="Certain">From here a pair may be linked automatically (other rules permitting).</param>
/// <param name="Probable">From here a pair is queued for an identitovigilance agent.</param>
/// <param name="Possible">From here a pair is shown, not queued.</param>
public readonly record struct MatchThresholds(double Certain, double Probable, double Possible)
{
    /// <summary>
    /// 0.999 / 0.90 / 0.50. Certain is stricter than the usual 0.99: Fellegi–Sunter assumes the fields are
    /// independent, which overstates the evidence of correlated agreements (same family sharing a name, a
    /// phone and a birthplace), and a wrong automatic link (a collision) harms a patient while a missed one
    /// only leaves a duplicate for the scanner. Probable at 0.90 keeps the agents' queue to pairs more likely
    /// than not by a wide margin; possible at 0.50 is the point where a match becomes the better bet.
    /// See docs/decisions/0003-probabilistic-matching.md.
    /// </summary>
    public static MatchThresholds Default { get; } = new(0.999, 0.90, 0.50);

    /// <summary>Throws unless 0 ≤ Possible ≤ Probable ≤ Certain ≤ 1.</summary>
    public MatchThresholds Validated()
    {
        if (!(Possible >= 0.0 && Possible <= Probable && Probable <= Certain && Certain <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(MatchThresholds), "thresholds must satisfy 0 ≤ possible ≤ probable ≤ certain ≤ 1");
        }

        return this;
    }

    /// <summary>The grade of a probability under these thresholds.</summary>
    public MatchGrade Grade(double probability) =>
        probability >= Certain ? MatchGrade.Certain
        : probability >= Probable ? MatchGrade.Probable
        : probability >= Possible ? MatchGrade.Possible
        : MatchGrade.CertainlyNot;
}
