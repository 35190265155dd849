namespace Vigie.Core.Matching;

/// <summary>How two birthplace codes agree, best first from the top.</summary>
public enum PlaceAgreement
{
    /// <summary>Either side has no birthplace: weight 0.</summary>
    Missing = 0,
    /// <summary>Different places.</summary>
    Disagree = 1,
    /// <summary>Different communes of the same département (abroad, 99xxx, never counts here: the code is a country).</summary>
    SameDepartment = 2,
    /// <summary>Same INSEE code.</summary>
    Exact = 3,
}
