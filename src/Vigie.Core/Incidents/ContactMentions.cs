using System.Text.RegularExpressions;
using Vigie.Core.Matching;

namespace Vigie.Core.Incidents;

/// <summary>
/// The email addresses and phone numbers mentioned anywhere in a message (recipients, headers, text), in the normal
/// forms canary contacts are stored in (<see cref="ContactNormalizer"/>). A canary contact is recognised by looking
/// these up, never by its shape: a monitored address looks like anyone's, so a leaked list does not give it away.
/// Over-collection is harmless (only exact matches of a planted contact count); a date or an IP address read as
/// digits matches no canary.
/// </summary>
/// <param name="Emails">Lower-case addresses, distinct, in order of appearance.</param>
/// <param name="Phones">Normalised numbers (French numbers in national form), distinct, in order of appearance.</param>
public sealed partial record ContactMentions(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones)
{
    /// <summary>Most values of each kind kept from one message (the lookup is one indexed IN query).</summary>
    public const int MaxValues = 200;

    /// <summary>True when nothing that could be a contact was found.</summary>
    public bool IsEmpty => Emails.Count == 0 && Phones.Count == 0;

    /// <summary>Every address and number in <paramref name="texts"/> (null texts are skipped).</summary>
    public static ContactMentions In(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var emails = new List<string>();
        var phones = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (Match m in EmailPattern().Matches(text))
            {
                if (emails.Count < MaxValues && ContactNormalizer.Email(m.Value.TrimEnd('.', '-')) is { } email && seen.Add("e:" + email))
                {
                    emails.Add(email);
                }
            }

            // Addresses first, so the digits inside one are not read as a phone number.
            foreach (Match m in PhonePattern().Matches(EmailPattern().Replace(text, " ")))
            {
                var digits = m.Value.Count(char.IsAsciiDigit);
                if (phones.Count < MaxValues && digits is >= 9 and <= 15 && ContactNormalizer.Phone(m.Value) is { } phone && seen.Add("p:" + phone))
                {
                    phones.Add(phone);
                }
            }
        }

        return new ContactMentions(emails, phones);
    }

    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    // A run of digits with the separators people write (spaces, dots, dashes, parentheses), optionally after "+".
    [GeneratedRegex(@"(?<![\w+])\+?\d(?:[ .\-()]{0,2}\d){5,20}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();
}
