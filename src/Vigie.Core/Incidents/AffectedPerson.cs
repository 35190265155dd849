using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>
/// One person to inform, built from a scope and the registry: the seam between incidents and notification.
/// Identities merged since the disclosure are followed to the surviving one, so a person whose two records were
/// both disclosed is informed once.
/// </summary>
/// <param name="Patient">The current (surviving) identity's id.</param>
/// <param name="DisclosedAs">The journaled ids that lead to it (more than one after a merge).</param>
/// <param name="Found">False when no identity with that id exists any more: nobody can be contacted.</param>
/// <param name="BirthName">Birth name, or empty when not found.</param>
/// <param name="UsedName">Used name, if any.</param>
/// <param name="GivenNames">Given names, space-separated.</param>
/// <param name="BirthDate">Birth date, or null when not found.</param>
/// <param name="Categories">The union of categories exposed under every journaled id.</param>
/// <param name="FirstDisclosure">Earliest disclosure in scope.</param>
/// <param name="LastDisclosure">Latest disclosure in scope.</param>
/// <param name="Emails">Email addresses on record.</param>
/// <param name="Phones">Phone numbers on record.</param>
/// <param name="Address">Postal address on record.</param>
public sealed record AffectedPerson(
    PatientId Patient,
    IReadOnlyList<PatientId> DisclosedAs,
    bool Found,
    string BirthName,
    string? UsedName,
    string GivenNames,
    DateOnly? BirthDate,
    DisclosedData Categories,
    DateTimeOffset FirstDisclosure,
    DateTimeOffset LastDisclosure,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address)
{
    /// <summary>The channels this person can be reached by.</summary>
    public ContactChannels Channels =>
        (Emails.Any(e => e.Contains('@', StringComparison.Ordinal)) ? ContactChannels.Email : ContactChannels.None)
        | (Phones.Any(IsMobile) ? ContactChannels.Sms : ContactChannels.None)
        | (Address is { Lines.Count: > 0, PostalCode: not null, City: not null } ? ContactChannels.Post : ContactChannels.None);

    /// <summary>
    /// True for a French mobile number: 06 or 07 nationally (overseas mobiles, 0639 and 069x, included), +33 6/7 or
    /// 0033 6/7 internationally. Spaces, dots and dashes are ignored.
    /// </summary>
    public static bool IsMobile(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }

        var digits = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        var national = digits.StartsWith("+33", StringComparison.Ordinal) ? "0" + digits[3..]
            : digits.StartsWith("0033", StringComparison.Ordinal) ? "0" + digits[4..]
            : digits;
        return national.Length == 10 && national.All(char.IsAsciiDigit) && national[0] == '0' && national[1] is '6' or '7';
    }
}
