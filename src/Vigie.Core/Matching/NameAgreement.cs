namespace Vigie.Core.Matching;

/// <summary>
/// How two family names agree, best first from the top. Birth and used names are compared crosswise,
/// so a married name entered as a birth name still agrees, at its own level (<see cref="ExactOtherName"/>),
/// whose weight the model learns separately: spouses share a name too.
/// </summary>
public enum NameAgreement
{
    /// <summary>Either side has no family name: weight 0.</summary>
    Missing = 0,
    /// <summary>No pairing of the names is similar.</summary>
    Disagree = 1,
    /// <summary>Best pairing has Jaro–Winkler ≥ <see cref="RecordComparator.JaroWinklerMid"/>.</summary>
    JaroWinklerMid = 2,
    /// <summary>Best pairing has Jaro–Winkler ≥ <see cref="RecordComparator.JaroWinklerHigh"/>.</summary>
    JaroWinklerHigh = 3,
    /// <summary>Some pairing has the same <see cref="FrenchPhonetic"/> code.</summary>
    Phonetic = 4,
    /// <summary>The birth name of one equals the used name of the other (or both used names are equal).</summary>
    ExactOtherName = 5,
    /// <summary>Birth names are equal.</summary>
    Exact = 6,
}
