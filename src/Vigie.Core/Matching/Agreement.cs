namespace Vigie.Core.Matching;

/// <summary>Agreement on a field that either agrees or not (sex, phone, email).</summary>
public enum Agreement
{
    /// <summary>Either side has no value: weight 0.</summary>
    Missing = 0,
    /// <summary>Different.</summary>
    Disagree = 1,
    /// <summary>Equal (for phones and emails: at least one in common).</summary>
    Agree = 2,
}
