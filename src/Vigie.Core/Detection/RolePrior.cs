namespace Vigie.Core.Detection;

/// <summary>
/// What a role's typical day looks like before anything is learnt: the cold-start prior, blended with the peer
/// group's and then the account's own learnt figures. Peaks are the day's highest count of distinct patients in
/// each window, as a median over days; <see cref="PeakSpread"/> is the standard deviation of ln(peak + 1).
/// </summary>
/// <param name="Peak1Minute">Median daily peak of distinct patients in one minute.</param>
/// <param name="Peak15Minutes">Median daily peak in 15 minutes.</param>
/// <param name="Peak1Hour">Median daily peak in one hour.</param>
/// <param name="Peak24Hours">Median daily total.</param>
/// <param name="PeakSpread">Day-to-day spread of the peaks, in natural-log units.</param>
/// <param name="UnlinkedRate">Share of patients without a care link with the establishment.</param>
/// <param name="ContactRate">Share of disclosing requests that disclose contact data.</param>
/// <param name="EmptyRate">Share of searches that find nobody.</param>
/// <param name="BroadRate">Share of searches with results that are broad (few traits, or three patients or more).</param>
/// <param name="Hours">Usual working hours.</param>
public sealed record RolePrior(
    double Peak1Minute,
    double Peak15Minutes,
    double Peak1Hour,
    double Peak24Hours,
    double PeakSpread,
    double UnlinkedRate,
    double ContactRate,
    double EmptyRate,
    double BroadRate,
    WorkPattern Hours)
{
    /// <summary>The peaks by window index (1 min, 15 min, 1 h, 24 h).</summary>
    public double Peak(int window) => window switch
    {
        0 => Peak1Minute,
        1 => Peak15Minutes,
        2 => Peak1Hour,
        _ => Peak24Hours,
    };
}
