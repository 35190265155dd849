using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Identity;
using Vigie.Simulation.Region;

namespace Vigie.Seeding;

/// <summary>
/// The traits a canary is registered with: its simulated name, birth date and sex, plus a mobile number and an email
/// address that look ordinary but are unique to it and monitored by the region, so that a message sent to one later
/// tells which canary (and so which disclosures) leaked. Derived from the seed: the same region gives the same contacts.
/// </summary>
internal static class CanaryIdentities
{
    private static readonly string[] MailDomains = ["orange.fr", "gmail.com", "laposte.net", "free.fr", "sfr.fr", "hotmail.fr"];

    public static (IdentityTraits Traits, string Email, string Phone) For(RegionPatient canary, int seed)
    {
        ArgumentNullException.ThrowIfNull(canary);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{canary.Id}")));
        var number = BitConverter.ToUInt32(digest, 0) % 100_000_000u;
        var phone = "06" + number.ToString("D8", CultureInfo.InvariantCulture);
        var suffix = (digest[4] % 90) + 10;
        var domain = MailDomains[digest[5] % MailDomains.Length];
        var email = string.Create(CultureInfo.InvariantCulture, $"{Local(canary.Given)}.{Local(canary.Family)}{suffix}@{domain}");
        var traits = new IdentityTraits(canary.Family, canary.Given, canary.Given, canary.BirthDate, canary.Sex, null, null, [phone], [email], null);
        return (traits, email, phone);
    }

    /// <summary>Lower-case letters only: INS names are upper case with hyphens, apostrophes and spaces.</summary>
    private static string Local(string name) => string.Concat(name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant));
}
