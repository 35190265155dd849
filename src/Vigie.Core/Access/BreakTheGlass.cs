namespace Vigie.Core.Access;

/// <summary>A declared reason to read a patient outside the professional's establishments.</summary>
/// <param name="PurposeCode">A purpose-of-use code from the configured list (HL7 v3 PurposeOfUse, e.g. ETREAT).</param>
/// <param name="Reason">Optional free text, at most <see cref="MaxReasonLength"/> characters.</param>
public sealed record BreakTheGlass(string PurposeCode, string? Reason)
{
    /// <summary>Longest free-text reason kept.</summary>
    public const int MaxReasonLength = 200;
}
