namespace Vigie.Core.Matching;

/// <summary>Agreement levels for family names and first given names.</summary>
public static class NameComparator
{
    /// <summary>
    /// Compares family names. Birth names are compared first; then every pairing that involves a used name
    /// (birth↔used both ways, used↔used), so a married name entered as a birth name is recognised at its own
    /// level. Phonetic and Jaro–Winkler levels take the best over all pairings.
    /// </summary>
    public static NameAgreement CompareFamilyNames(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var aBirth = a.BirthName;
        var bBirth = b.BirthName;
        var aUsed = a.UsedName ?? string.Empty;
        var bUsed = b.UsedName ?? string.Empty;
        if ((aBirth.Length == 0 && aUsed.Length == 0) || (bBirth.Length == 0 && bUsed.Length == 0))
        {
            return NameAgreement.Missing;
        }

        if (aBirth.Length > 0 && string.Equals(aBirth, bBirth, StringComparison.Ordinal))
        {
            return NameAgreement.Exact;
        }

        if (SameNonEmpty(aBirth, bUsed) || SameNonEmpty(aUsed, bBirth) || SameNonEmpty(aUsed, bUsed))
        {
            return NameAgreement.ExactOtherName;
        }

        if (SameKey(a.BirthNameKey, b.BirthNameKey) || SameKey(a.BirthNameKey, b.UsedNameKey)
            || SameKey(a.UsedNameKey, b.BirthNameKey) || SameKey(a.UsedNameKey, b.UsedNameKey))
        {
            return NameAgreement.Phonetic;
        }

        var best = Similarity(aBirth, bBirth);
        best = Math.Max(best, Similarity(aBirth, bUsed));
        best = Math.Max(best, Similarity(aUsed, bBirth));
        best = Math.Max(best, Similarity(aUsed, bUsed));
        return best >= RecordComparator.JaroWinklerHigh ? NameAgreement.JaroWinklerHigh
            : best >= RecordComparator.JaroWinklerMid ? NameAgreement.JaroWinklerMid
            : NameAgreement.Disagree;
    }

    /// <summary>
    /// Compares first given names; a first given name found among the other's given names (or inside the
    /// other's hyphenated first given name, JEAN against JEAN-PIERRE) is its own level.
    /// </summary>
    public static GivenNameAgreement CompareFirstGivenNames(MatchRecord a, MatchRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var aFirst = a.FirstGivenName;
        var bFirst = b.FirstGivenName;
        if (aFirst.Length == 0 || bFirst.Length == 0)
        {
            return GivenNameAgreement.Missing;
        }

        if (string.Equals(aFirst, bFirst, StringComparison.Ordinal))
        {
            return GivenNameAgreement.Exact;
        }

        if (ContainsName(b.GivenNames, aFirst) || ContainsName(a.GivenNames, bFirst)
            || ContainsName(bFirst, aFirst) || ContainsName(aFirst, bFirst))
        {
            return GivenNameAgreement.InOtherGivenNames;
        }

        if (SameKey(a.FirstGivenNameKey, b.FirstGivenNameKey))
        {
            return GivenNameAgreement.Phonetic;
        }

        var similarity = JaroWinkler.Similarity(aFirst, bFirst);
        return similarity >= RecordComparator.JaroWinklerHigh ? GivenNameAgreement.JaroWinklerHigh
            : similarity >= RecordComparator.JaroWinklerMid ? GivenNameAgreement.JaroWinklerMid
            : GivenNameAgreement.Disagree;
    }

    /// <summary>
    /// True when <paramref name="name"/> is one of the space-separated names of <paramref name="list"/>,
    /// or one part of a hyphenated name there. Allocation-free.
    /// </summary>
    internal static bool ContainsName(ReadOnlySpan<char> list, ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || list.Length < name.Length || name.Contains(' ') || !list.Contains(name, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in list.Split(' '))
        {
            var token = list[range];
            if (token.SequenceEqual(name))
            {
                return true;
            }

            if (token.Contains('-') && !name.Contains('-'))
            {
                foreach (var partRange in token.Split('-'))
                {
                    if (token[partRange].SequenceEqual(name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool SameNonEmpty(string x, string y) => x.Length > 0 && string.Equals(x, y, StringComparison.Ordinal);

    private static bool SameKey(ulong x, ulong y) => x != 0 && x == y;

    private static double Similarity(string x, string y) =>
        x.Length == 0 || y.Length == 0 ? 0.0 : JaroWinkler.Similarity(x, y);
}
