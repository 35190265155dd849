namespace Vigie.Core.Identity;

/// <summary>Administrative sex as the INS reference carries it (M, F, or I for indeterminate).</summary>
public enum Sex
{
    /// <summary>Not given (only in queries; a registered identity always has a sex).</summary>
    Unknown = 0,
    /// <summary>Female (F).</summary>
    Female = 1,
    /// <summary>Male (M).</summary>
    Male = 2,
    /// <summary>Indeterminate (I).</summary>
    Other = 3,
}
