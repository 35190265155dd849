namespace Vigie.Core.Matching;

/// <summary>How two first given names agree, best first from the top.</summary>
public enum GivenNameAgreement
{
    /// <summary>Either side has no given name: weight 0.</summary>
    Missing = 0,
    /// <summary>Not similar.</summary>
    Disagree = 1,
    /// <summary>Jaro–Winkler ≥ <see cref="RecordComparator.JaroWinklerMid"/>.</summary>
    JaroWinklerMid = 2,
    /// <summary>Jaro–Winkler ≥ <see cref="RecordComparator.JaroWinklerHigh"/>.</summary>
    JaroWinklerHigh = 3,
    /// <summary>Same <see cref="FrenchPhonetic"/> code.</summary>
    Phonetic = 4,
    /// <summary>The first given name of one is among the other's given names (an order or choice of usual name).</summary>
    InOtherGivenNames = 5,
    /// <summary>Equal.</summary>
    Exact = 6,
}
