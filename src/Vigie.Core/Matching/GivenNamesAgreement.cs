namespace Vigie.Core.Matching;

/// <summary>
/// How the further given names of two records agree (INS strict trait "liste des prénoms"): the given names
/// other than either record's first given name, compared as sets, so that a typo or a usual name in first place
/// is judged by the first-given-name field alone.
/// </summary>
public enum GivenNamesAgreement
{
    /// <summary>Either side has no list of given names: weight 0.</summary>
    Missing = 0,
    /// <summary>Each side has a further given name the other lacks: two different lists, as for homonyms.</summary>
    Disagree = 1,
    /// <summary>One list holds the other's further given names and more: a desk that typed only some of them.</summary>
    Compatible = 2,
    /// <summary>The same further given names (none on both sides included).</summary>
    Exact = 3,
}
