namespace Vigie.Core.Detection;

/// <summary>
/// The minimised shape of a search or match: which traits were given, whether they were exact, and three ordering
/// keys that let the engine see sweeps (alphabetical or sequential enumeration) without keeping names, dates or
/// identifiers. The keys stay in memory only; they are never logged, journaled or persisted.
/// </summary>
/// <param name="Traits">The traits given.</param>
/// <param name="Exact">True when names were searched with <c>:exact</c> (or the request was a $match).</param>
/// <param name="NameKey">Position of the query in alphabetical order: the family name's first three letters and the
/// given name's first two, base 27 (0 when no family name). Coarse on purpose: it orders, it does not identify.</param>
/// <param name="BirthDay">The birth date as a day number (<see cref="DateOnly.DayNumber"/>), or 0.</param>
/// <param name="IdentifierNumber">The trailing digits of the identifier searched (up to 18), or 0.</param>
public readonly record struct QueryShape(QueryTraits Traits, bool Exact, int NameKey, int BirthDay, long IdentifierNumber)
{
    private const int Base = 27;

    /// <summary>
    /// How much the query narrows the register, in half-bits of a rough scale: family 2 (+1 exact), given 2,
    /// birth date 4, gender 1, birthplace 2, identifier 8, contact 4. A PDQm search that names one person scores 6
    /// or more (family + birth date); family + given + gender scores 5 or 6 and returns homonyms.
    /// </summary>
    public int Specificity =>
        (Has(QueryTraits.Family) ? 2 + (Exact ? 1 : 0) : 0)
        + (Has(QueryTraits.Given) ? 2 : 0)
        + (Has(QueryTraits.BirthDate) ? 4 : 0)
        + (Has(QueryTraits.Gender) ? 1 : 0)
        + (Has(QueryTraits.Birthplace) ? 2 : 0)
        + (Has(QueryTraits.Identifier) ? 8 : 0)
        + (Has(QueryTraits.Contact) ? 4 : 0);

    /// <summary>The family-name part of <see cref="NameKey"/> (its first three letters), to compare surnames.</summary>
    public int FamilyKey => NameKey / (Base * Base);

    /// <summary>
    /// Builds a shape from a query's values, which are then dropped. Letters outside A–Z (accents, spaces) count as
    /// 0, which keeps the alphabetical order of ASCII-folded names close enough for sweep detection.
    /// </summary>
    /// <param name="family">Family name or prefix, or null.</param>
    /// <param name="given">Given name or prefix, or null.</param>
    /// <param name="birthDate">Birth date, or null.</param>
    /// <param name="gender">True when gender was given.</param>
    /// <param name="birthplace">True when a birthplace was given.</param>
    /// <param name="identifier">Identifier value, or null.</param>
    /// <param name="contact">True when contact data was used as a criterion.</param>
    /// <param name="exact">True for <c>:exact</c> names or a $match.</param>
    public static QueryShape Of(string? family, string? given, DateOnly? birthDate, bool gender, bool birthplace, string? identifier, bool contact, bool exact)
    {
        var traits = QueryTraits.None;
        traits |= string.IsNullOrEmpty(family) ? QueryTraits.None : QueryTraits.Family;
        traits |= string.IsNullOrEmpty(given) ? QueryTraits.None : QueryTraits.Given;
        traits |= birthDate is null ? QueryTraits.None : QueryTraits.BirthDate;
        traits |= gender ? QueryTraits.Gender : QueryTraits.None;
        traits |= birthplace ? QueryTraits.Birthplace : QueryTraits.None;
        traits |= string.IsNullOrEmpty(identifier) ? QueryTraits.None : QueryTraits.Identifier;
        traits |= contact ? QueryTraits.Contact : QueryTraits.None;
        var nameKey = string.IsNullOrEmpty(family) ? 0 : (Letters(family, 3) * Base * Base) + Letters(given, 2);
        return new QueryShape(traits, exact, nameKey, birthDate?.DayNumber ?? 0, TrailingNumber(identifier));
    }

    private bool Has(QueryTraits trait) => (Traits & trait) != 0;

    private static int Letters(string? text, int count)
    {
        var key = 0;
        for (var i = 0; i < count; i++)
        {
            var c = text is not null && i < text.Length ? char.ToUpperInvariant(text[i]) : '\0';
            key = (key * Base) + (c is >= 'A' and <= 'Z' ? c - 'A' + 1 : 0);
        }

        return key;
    }

    private static long TrailingNumber(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return 0;
        }

        var end = identifier.Length;
        var start = end;
        while (start > 0 && end - start < 18 && char.IsAsciiDigit(identifier[start - 1]))
        {
            start--;
        }

        var value = 0L;
        for (var i = start; i < end; i++)
        {
            value = (value * 10) + (identifier[i] - '0');
        }

        return value;
    }
}
