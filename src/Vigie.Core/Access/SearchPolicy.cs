namespace Vigie.Core.Access;

/// <summary>Pure decisions on searches: before running one (specificity) and after (result size).</summary>
public static class SearchPolicy
{
    /// <summary>Decides whether a search is specific enough to run.</summary>
    public static AccessDecision Check(SearchRules rules, SearchCriteria search)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(search);
        if (search.Count > rules.MaxCount)
        {
            return Refine("search.count-too-large", $"_count is at most {rules.MaxCount}");
        }

        if (!rules.RequireSpecificCriteria)
        {
            return AccessDecision.Allowed;
        }

        if ((search.FamilyLength > 0 && !search.FamilyExact && search.FamilyLength < rules.MinPrefixLength)
            || (search.GivenLength > 0 && !search.GivenExact && search.GivenLength < rules.MinPrefixLength))
        {
            return Refine("search.prefix-too-short", $"name prefixes need at least {rules.MinPrefixLength} characters (or use :exact)");
        }

        if (search.HasIdentifier)
        {
            return AccessDecision.Allowed;
        }

        var family = search.FamilyLength > 0;
        var birthDate = search.BirthDateSpanDays is { } span && span <= rules.MaxBirthDateSpanDays;
        if ((family && birthDate) || (family && search.GivenLength > 0 && search.HasGender))
        {
            return AccessDecision.Allowed;
        }

        return Refine("search.not-specific",
            "refine the search: give family + birthdate (one day), family + given + gender, or an identifier");
    }

    /// <summary>
    /// Decides on a result: more matches than the page is refused, so that a broad search never yields a list
    /// one can page through.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="moreThanPage">True when more patients match than the page holds.</param>
    /// <param name="count">The page size.</param>
    public static AccessDecision CheckResult(SearchRules rules, bool moreThanPage, int count)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return moreThanPage && rules.RequireSpecificCriteria
            ? Refine("search.too-many-matches", $"refine the search: more than {count} patients match")
            : AccessDecision.Allowed;
    }

    private static AccessDecision Refine(string reason, string message) => AccessDecision.Deny(DecisionKind.Refine, reason, message);
}
