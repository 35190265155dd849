using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Notices;

/// <summary>
/// One affected person to notify, as incident scope hands them over: the regional patient id, the name to greet and
/// address, what contact data the registry holds, and the categories of data the incident exposed for this person.
/// </summary>
/// <param name="PatientId">The regional identity's id: with the incident id, it makes a notification unique.</param>
/// <param name="DisplayName">The name as printed (e.g. "Jeanne DUPONT"); may be empty when unknown.</param>
/// <param name="Email">An email address, or null.</param>
/// <param name="Phone">A phone number in any common form, or null; only a mobile number gets an SMS.</param>
/// <param name="Address">A postal address, or null.</param>
/// <param name="Exposed">What the incident disclosed about this person (identity, phone, email, address).</param>
public sealed record NotificationTarget(string PatientId, string DisplayName, string? Email, string? Phone, PostalAddress? Address, DisclosedData Exposed)
{
    /// <summary>Longest display name accepted.</summary>
    public const int MaxDisplayName = 200;

    /// <summary>Checks the fields a notice prints or sends to: lengths, no control characters, no web address in the name, a valid patient id.</summary>
    public static ParseResult<NotificationTarget> Check(NotificationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Identity.PatientId.Parse(target.PatientId).Success)
        {
            return ParseResult<NotificationTarget>.Fail("patientId: 1 to 64 letters, digits, '-' or '.'");
        }

        if (target.DisplayName is null || target.DisplayName.Length > MaxDisplayName || NoticeText.HasControl(target.DisplayName) || NoticeText.ContainsWebAddress(target.DisplayName))
        {
            return ParseResult<NotificationTarget>.Fail($"displayName: at most {MaxDisplayName} characters, no control characters, no web address");
        }

        if (target.Email is { Length: > 254 } || target.Phone is { Length: > 40 } || (target.Email is not null && NoticeText.HasControl(target.Email)))
        {
            return ParseResult<NotificationTarget>.Fail("email at most 254 characters, phone at most 40");
        }

        if (target.Address is { } a && (a.Lines.Count > 6 || a.Lines.Any(l => l is null || l.Length > 120 || NoticeText.HasControl(l))
            || a.PostalCode is { Length: > 20 } || a.City is { Length: > 120 } || a.Country is { Length: > 60 }))
        {
            return ParseResult<NotificationTarget>.Fail("address: at most 6 lines of 120 characters, no control characters");
        }

        return ParseResult<NotificationTarget>.Ok(target);
    }
}
