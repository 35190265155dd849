namespace Vigie.Core.Matching;

/// <summary>How two birth dates agree, best first from the top.</summary>
public enum DateAgreement
{
    /// <summary>Either side has no birth date: weight 0.</summary>
    Missing = 0,
    /// <summary>Two or more of day, month, year differ.</summary>
    Disagree = 1,
    /// <summary>Exactly one of day, month, year differs: a typing error.</summary>
    OneComponentDiffers = 2,
    /// <summary>Same year, day and month swapped (05/03 against 03/05).</summary>
    DayMonthTransposed = 3,
    /// <summary>Equal.</summary>
    Exact = 4,
}
