namespace Vigie.Core.Identity;

/// <summary>
/// The identity of one person as a source declares it: the INS strict traits (birth name, first given name,
/// given names, birth date, sex, birthplace code) plus the used name and contact data.
/// Names are stored normalised by <see cref="NameNormalizer"/>; a query may leave any trait empty.
/// </summary>
/// <param name="BirthName">Nom de naissance, normalised.</param>
/// <param name="FirstGivenName">Premier prénom de l'acte de naissance, normalised.</param>
/// <param name="GivenNames">Liste des prénoms, space-separated as on the birth certificate, normalised.</param>
/// <param name="BirthDate">Date de naissance; null only in queries.</param>
/// <param name="Sex">Sexe.</param>
/// <param name="BirthplaceCode">Code officiel géographique INSEE of the birthplace (99xxx abroad), 5 characters.</param>
/// <param name="UsedName">Nom utilisé (e.g. a married name), normalised, when different from the birth name.</param>
/// <param name="Phones">Phone numbers (contact data).</param>
/// <param name="Emails">Email addresses (contact data).</param>
/// <param name="Address">Postal address (contact data).</param>
public sealed record IdentityTraits(
    string BirthName,
    string FirstGivenName,
    string GivenNames,
    DateOnly? BirthDate,
    Sex Sex,
    string? BirthplaceCode,
    string? UsedName,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    PostalAddress? Address)
{
    /// <summary>True when any contact field (phone, email, address) is present.</summary>
    public bool HasContactData => Phones.Count > 0 || Emails.Count > 0 || Address is not null;

    /// <summary>The same traits with every contact field removed, for answers that must not disclose them.</summary>
    public IdentityTraits WithoutContactData() => this with { Phones = [], Emails = [], Address = null };

    /// <inheritdoc />
    public bool Equals(IdentityTraits? other) =>
        other is not null
        && BirthName == other.BirthName
        && FirstGivenName == other.FirstGivenName
        && GivenNames == other.GivenNames
        && BirthDate == other.BirthDate
        && Sex == other.Sex
        && BirthplaceCode == other.BirthplaceCode
        && UsedName == other.UsedName
        && Phones.SequenceEqual(other.Phones)
        && Emails.SequenceEqual(other.Emails)
        && Equals(Address, other.Address);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BirthName, FirstGivenName, BirthDate, Sex);
}
