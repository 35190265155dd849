using Vigie.Core.Identity;

namespace Vigie.Core.Matching;

/// <summary>Compares two <see cref="MatchRecord"/>s field by field into a <see cref="ComparisonVector"/>.</summary>
public static class RecordComparator
{
    /// <summary>
    /// Jaro–Winkler similarity from which two names count as close: a typing error in a name of six letters
    /// or more usually lands here (DUBOIS/DUBOSI 0.967, LEFEBVRE/LEFEVBRE 0.975), and so do some related
    /// names (MARTIN/MARTINEZ 0.95): the model learns how much the level is worth.
    /// </summary>
    public const double JaroWinklerHigh = 0.94;

    /// <summary>Jaro–Winkler similarity from which two names count as related (MARTIN/MARTIM 0.933, MOREAU/MOREL 0.893).</summary>
    public const double JaroWinklerMid = 0.88;

    /// <summary>Compares every field. Allocation-free.</summary>
    public static ComparisonVector Compare(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new ComparisonVector(
            NameComparator.CompareFamilyNames(a, b),
            NameComparator.CompareFirstGivenNames(a, b),
            DateComparator.Compare(a, b),
            CompareSex(a.Sex, b.Sex),
            CompareBirthplaces(a.BirthplaceCode, b.BirthplaceCode),
            AnyInCommon(a.Phones, b.Phones),
            AnyInCommon(a.Emails, b.Emails),
            CompareGivenNames(a, b),
            CompareAddresses(a, b));
    }

    /// <summary>
    /// The further given names as sets: every given name of either list except the two records' first given names,
    /// so that a typo in the first given name or a usual name put first does not count twice. Missing when either
    /// list is empty (unknown), exact when the sets are equal, compatible when one holds the other.
    /// </summary>
    public static GivenNamesAgreement CompareGivenNames(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GivenNames.Length == 0 || b.GivenNames.Length == 0)
        {
            return GivenNamesAgreement.Missing;
        }

        var aHasMore = HasFurtherNameNotIn(a.GivenNames, b.GivenNames, a.FirstGivenName, b.FirstGivenName);
        var bHasMore = HasFurtherNameNotIn(b.GivenNames, a.GivenNames, a.FirstGivenName, b.FirstGivenName);
        return (aHasMore, bHasMore) switch
        {
            (false, false) => GivenNamesAgreement.Exact,
            (true, true) => GivenNamesAgreement.Disagree,
            _ => GivenNamesAgreement.Compatible,
        };
    }

    /// <summary>Exact on street lines and postal code, same postal code, or different; missing without a postal code.</summary>
    public static AddressAgreement CompareAddresses(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.PostalCode is null || b.PostalCode is null)
        {
            return AddressAgreement.Missing;
        }

        if (!string.Equals(a.PostalCode, b.PostalCode, StringComparison.Ordinal))
        {
            return AddressAgreement.Disagree;
        }

        return a.AddressLine is not null && string.Equals(a.AddressLine, b.AddressLine, StringComparison.Ordinal)
            ? AddressAgreement.Exact
            : AddressAgreement.SamePostalCode;
    }

    /// <summary>True when <paramref name="names"/> holds a name, other than the first given names, missing from <paramref name="other"/>.</summary>
    private static bool HasFurtherNameNotIn(string names, string other, string firstA, string firstB)
    {
        var rest = names.AsSpan();
        while (rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            var name = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (name.Length == 0 || name.SequenceEqual(firstA) || name.SequenceEqual(firstB))
            {
                continue;
            }

            if (!ContainsName(other, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsName(string names, ReadOnlySpan<char> name)
    {
        var rest = names.AsSpan();
        while (rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            if ((space < 0 ? rest : rest[..space]).SequenceEqual(name))
            {
                return true;
            }

            rest = space < 0 ? [] : rest[(space + 1)..];
        }

        return false;
    }

    /// <summary>Sex agreement; <see cref="Sex.Unknown"/> on either side is missing.</summary>
    public static Agreement CompareSex(Sex a, Sex b) =>
        a == Sex.Unknown || b == Sex.Unknown ? Agreement.Missing
        : a == b ? Agreement.Agree
        : Agreement.Disagree;

    /// <summary>
    /// Birthplace agreement on INSEE codes: same code, same département (first two characters, never for
    /// 99xxx codes, which name a country), or different.
    /// </summary>
    public static PlaceAgreement CompareBirthplaces(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return PlaceAgreement.Missing;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return PlaceAgreement.Exact;
        }

        return a.Length >= 2 && b.Length >= 2 && a[0] == b[0] && a[1] == b[1] && !a.StartsWith("99", StringComparison.Ordinal)
            ? PlaceAgreement.SameDepartment
            : PlaceAgreement.Disagree;
    }

    /// <summary>Agree when the lists share a value (ordinal), missing when either is empty.</summary>
    public static Agreement AnyInCommon(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return Agreement.Missing;
        }

        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                if (string.Equals(a[i], b[j], StringComparison.Ordinal))
                {
                    return Agreement.Agree;
                }
            }
        }

        return Agreement.Disagree;
    }
}
