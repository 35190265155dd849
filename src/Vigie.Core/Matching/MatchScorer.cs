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
/// <item>first given names disagree: twins share every other trait, phone and email included;</item>
/// <item>further given names disagree (each list has a name the other lacks): homonyms born in the same place.</item>
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

    /// <summary>
    /// False when a hard rule forbids grading the pair certain (an automatic link): a disagreeing sex, birth date,
    /// birthplace (homonyms: same name and date, born elsewhere), first given name (twins) or further given names (homonyms
    /// born in the same place: the list of given names is an INS strict trait), or discrepancies on
    /// two or more of the strict traits at once (family name, first given name, birth date, birthplace). Identitovigilance leaves such pairs to a human however high the score:
    /// a typo in the name and a transposed date together are as likely a different person as a careless desk.
    /// </summary>
    public static bool MayBeCertain(ComparisonVector vector) =>
        vector.Sex != Agreement.Disagree
        && vector.BirthDate != DateAgreement.Disagree
        && vector.FirstGivenName != GivenNameAgreement.Disagree
        && vector.GivenNames != GivenNamesAgreement.Disagree
        && vector.Birthplace != PlaceAgreement.Disagree
        && StrictTraitDiscrepancies(vector) < 2;

    /// <summary>How many of family name, first given name, birth date and birthplace are present on both sides but not identical.</summary>
    public static int StrictTraitDiscrepancies(ComparisonVector vector) =>
        (vector.FamilyName is not (NameAgreement.Exact or NameAgreement.ExactOtherName or NameAgreement.Missing) ? 1 : 0)
        + (vector.FirstGivenName is not (GivenNameAgreement.Exact or GivenNameAgreement.InOtherGivenNames or GivenNameAgreement.Missing) ? 1 : 0)
        + (vector.BirthDate is not (DateAgreement.Exact or DateAgreement.Missing) ? 1 : 0)
        + (vector.Birthplace is not (PlaceAgreement.Exact or PlaceAgreement.Missing) ? 1 : 0);
}
