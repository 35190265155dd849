namespace Vigie.Core.Access;

/// <summary>
/// Anti-enumeration rules for PDQm searches. Defaults (see README "Least privilege"): a search must name one
/// person, not sweep the registry.
/// </summary>
/// <param name="RequireSpecificCriteria">Require family + birthdate, family + given + gender, or an identifier.</param>
/// <param name="MinPrefixLength">Shortest name prefix accepted (exact names may be shorter). Default 3.</param>
/// <param name="MaxCount">Largest page; more matches than the page is a refusal, never a truncated list. Default 20.</param>
/// <param name="MaxBirthDateSpanDays">Widest birthdate range that counts as "birthdate" in a pair. Default 1 (one day).</param>
public sealed record SearchRules(bool RequireSpecificCriteria, int MinPrefixLength, int MaxCount, int MaxBirthDateSpanDays)
{
    /// <summary>The documented defaults.</summary>
    public static SearchRules Default { get; } = new(true, 3, 20, 1);
}
