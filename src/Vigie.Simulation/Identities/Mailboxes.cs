namespace Vigie.Simulation.Identities;

/// <summary>
/// Makes every person's email address their own, as a mail provider does: an address is created once, and the
/// next Marie Martin who asks for marie.martin@orange.fr gets marie.martin2@orange.fr. Without this, two strangers
/// with a common name drew the same address by the dozen, which no real register shows (decision 0004).
/// Runs in the generator's sequential step, in stream order, so the result does not depend on threading.
/// </summary>
internal sealed class Mailboxes
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Claims each person's addresses in order, renaming those already taken. Duplicates share the array, so they follow.</summary>
    public void Claim(PersonBlock block)
    {
        foreach (var person in block.Persons)
        {
            var emails = person.Emails;
            for (var i = 0; i < emails.Length; i++)
            {
                emails[i] = ClaimOne(emails[i]);
            }
        }
    }

    private string ClaimOne(string address)
    {
        if (_taken.Add(address))
        {
            return address;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        for (var n = 2; ; n++)
        {
            var candidate = string.Concat(address.AsSpan(0, at), n.ToString(System.Globalization.CultureInfo.InvariantCulture), address.AsSpan(at));
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
