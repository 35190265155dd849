namespace Vigie.Core.Matching;

/// <summary>
/// Scores a pair of records with a <see cref="MatchModel"/>: the posterior probability of a match, and its
/// grade under <see cref="MatchThresholds"/> with the hard rules below on top.
/// </summary>
/// <remarks>
/// Hard rules cap the grade at <see cref="MatchGrade.Probable"/> (a human decides), leaving the probability
/// as the model computed it:
/// <list type="bullet">
/// <item>sex disagrees: a sex error is possible, but it is never linked without a human look;</item>
/// <item>birth dates disagree on two or more components: a typing error changes one;</item>
/// <item>first given names disagree: twins share every other trait, phone and email included.</item>
/// </list>
/// </remarks>
public static class MatchScorer
{
    /// <summary>Compares and scores two records. Allocation-free.</summary>
    public static MatchScore Score(MatchModel model, MatchRecord a, MatchRecord b, MatchThresholds thresholds) =>
        Score(model, RecordComparator.Compare(a, b), thresholds);

    /// <summary>Scores a comparison vector.</summary>
    public static MatchScore Score(MatchModel model, ComparisonVector vector, MatchThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(model);
        var probability = model.Probability(vector);
        var grade = thresholds.Grade(probability);
        if (grade == MatchGrade.Certain && !MayBeCertain(vector))
        {
            grade = MatchGrade.Probable;
        }

        return new MatchScore(probability, grade);
    }

    /// <summary>False when a hard rule forbids grading the pair certain.</summary>
    public static bool MayBeCertain(ComparisonVector vector) =>
        vector.Sex != Agreement.Disagree
        && vector.BirthDate != DateAgreement.Disagree
        && vector.FirstGivenName != GivenNameAgreement.Disagree;
}
