using Vigie.Core.Identity;

namespace Vigie.Core.Matching;

/// <summary>
/// The features of one identity, computed once so that comparing two identities is cheap:
/// names as given (already normalised), their <see cref="FrenchPhonetic"/> keys, the birth date split in
/// numbers, normalised phone digits, lower-case emails and the postal address in comparison form.
/// </summary>
/// <remarks>
/// <see cref="From"/> costs three phonetic encodings on the stack and allocates only the record and, when the
/// input is not already in normal form, the normalised phone and email strings, plus the folded address line.
/// </remarks>
public sealed record MatchRecord
{
    private MatchRecord(IdentityTraits traits)
    {
        BirthName = traits.BirthName ?? string.Empty;
        UsedName = string.IsNullOrEmpty(traits.UsedName) || string.Equals(traits.UsedName, BirthName, StringComparison.Ordinal)
            ? null
            : traits.UsedName;
        GivenNames = traits.GivenNames ?? string.Empty;
        FirstGivenName = !string.IsNullOrEmpty(traits.FirstGivenName) ? traits.FirstGivenName : FirstToken(GivenNames);
        BirthNameKey = FrenchPhonetic.Key(BirthName);
        UsedNameKey = UsedName is null ? 0 : FrenchPhonetic.Key(UsedName);
        FirstGivenNameKey = FrenchPhonetic.Key(FirstGivenName);
        BirthDate = traits.BirthDate;
        if (traits.BirthDate is { } date)
        {
            BirthYear = date.Year;
            BirthMonth = date.Month;
            BirthDay = date.Day;
        }

        Sex = traits.Sex;
        BirthplaceCode = string.IsNullOrEmpty(traits.BirthplaceCode) ? null : traits.BirthplaceCode;
        Phones = Normalize(traits.Phones, ContactNormalizer.Phone);
        Emails = Normalize(traits.Emails, ContactNormalizer.Email);
        AddressLine = ContactNormalizer.AddressLine(traits.Address?.Lines);
        PostalCode = ContactNormalizer.PostalCode(traits.Address?.PostalCode);
    }

    /// <summary>Nom de naissance; empty when unknown (queries only).</summary>
    public string BirthName { get; }

    /// <summary>Nom utilisé, or null when absent or equal to the birth name.</summary>
    public string? UsedName { get; }

    /// <summary>Premier prénom; falls back to the first of <see cref="GivenNames"/>; empty when unknown.</summary>
    public string FirstGivenName { get; }

    /// <summary>All given names, space-separated; may be empty.</summary>
    public string GivenNames { get; }

    /// <summary><see cref="FrenchPhonetic.Key"/> of the birth name; 0 when empty.</summary>
    public ulong BirthNameKey { get; }

    /// <summary><see cref="FrenchPhonetic.Key"/> of the used name; 0 when absent.</summary>
    public ulong UsedNameKey { get; }

    /// <summary><see cref="FrenchPhonetic.Key"/> of the first given name; 0 when empty.</summary>
    public ulong FirstGivenNameKey { get; }

    /// <summary>Birth date; null when unknown.</summary>
    public DateOnly? BirthDate { get; }

    /// <summary>Birth year, 0 when unknown.</summary>
    public int BirthYear { get; }

    /// <summary>Birth month 1–12, 0 when unknown.</summary>
    public int BirthMonth { get; }

    /// <summary>Birth day 1–31, 0 when unknown.</summary>
    public int BirthDay { get; }

    /// <summary>Sex; <see cref="Identity.Sex.Unknown"/> counts as missing.</summary>
    public Sex Sex { get; }

    /// <summary>INSEE birthplace code, or null.</summary>
    public string? BirthplaceCode { get; }

    /// <summary>Phone numbers as digits only, French numbers in national form (+33 6… and 0033 6… become 06…).</summary>
    public IReadOnlyList<string> Phones { get; }

    /// <summary>Email addresses trimmed and lower-cased (invariant); values without '@' are dropped.</summary>
    public IReadOnlyList<string> Emails { get; }

    /// <summary>Street lines of the postal address in comparison form (<see cref="ContactNormalizer.AddressLine"/>), or null.</summary>
    public string? AddressLine { get; }

    /// <summary>Postal code without spaces, or null.</summary>
    public string? PostalCode { get; }

    /// <summary>Computes the features of <paramref name="traits"/>.</summary>
    public static MatchRecord From(IdentityTraits traits)
    {
        ArgumentNullException.ThrowIfNull(traits);
        return new MatchRecord(traits);
    }

    /// <summary>Names no trait: a record's generated text would put identity data in whatever logs it.</summary>
    public override string ToString() => nameof(MatchRecord);

    private static string FirstToken(string names)
    {
        var space = names.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? names : names[..space];
    }

    private static string[] Normalize(IReadOnlyList<string>? values, Func<string, string?> normalize)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        var count = 0;
        var result = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var normalised = normalize(values[i]);
            if (normalised is not null && Array.IndexOf(result, normalised, 0, count) < 0)
            {
                result[count++] = normalised;
            }
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        return result;
    }
}
