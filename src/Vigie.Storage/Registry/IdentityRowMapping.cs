using Vigie.Core.Identity;

namespace Vigie.Storage.Registry;

/// <summary>Between the stored row and Core's <see cref="RegionalIdentity"/>.</summary>
public static class IdentityRowMapping
{
    private const char Separator = '\n';

    public static RegionalIdentity ToDomain(this IdentityRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        PostalAddress? address = row.AddressLines is null && row.PostalCode is null && row.City is null && row.Country is null
            ? null
            : new PostalAddress(Split(row.AddressLines), row.PostalCode, row.City, row.Country);
        var traits = new IdentityTraits(row.BirthName, row.FirstGivenName, row.GivenNames, row.BirthDate, (Sex)row.Sex,
            row.BirthplaceCode, row.UsedName, Split(row.Phones), Split(row.Emails), address);
        InsNumber? ins = row.InsKind is { } kind && row.InsValue is { } value ? new InsNumber((InsKind)kind, value) : null;
        return new RegionalIdentity(new PatientId(row.Id), traits, (IdentityStatus)row.Status, (IdentityFlags)row.Flags, ins,
            row.Active, row.ReplacedById is null ? null : new PatientId(row.ReplacedById));
    }

    /// <summary>Copies traits, status, flags and INS onto a row (id, activity and versions are the caller's).</summary>
    public static void Apply(this IdentityRow row, IdentityTraits traits, IdentityStatus status, IdentityFlags flags, InsNumber? ins)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(traits);
        row.BirthName = traits.BirthName;
        row.FirstGivenName = traits.FirstGivenName;
        row.GivenNames = traits.GivenNames;
        row.BirthDate = traits.BirthDate ?? throw new ArgumentException("a stored identity has a birth date", nameof(traits));
        row.Sex = (int)traits.Sex;
        row.BirthplaceCode = traits.BirthplaceCode;
        row.UsedName = traits.UsedName;
        row.Phones = Join(traits.Phones);
        row.Emails = Join(traits.Emails);
        row.AddressLines = traits.Address is null ? null : Join(traits.Address.Lines);
        row.PostalCode = traits.Address?.PostalCode;
        row.City = traits.Address?.City;
        row.Country = traits.Address?.Country;
        row.Status = (int)status;
        row.Flags = (int)flags;
        row.InsKind = ins is null ? null : (int)ins.Value.Kind;
        row.InsValue = ins?.Value;
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(Separator, values);

    private static string[] Split(string? joined) => joined is null ? [] : joined.Split(Separator);
}
