using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigie.Core.Identity;

namespace Vigie.Core.Incidents;

/// <summary>
/// Leak attribution: a canary patient exists only to be looked up, so whoever had it disclosed is where a leak of
/// its contact data came from. The incident opened for it names every account and session that received it.
/// </summary>
public static class CanaryIncident
{
    /// <summary>
    /// The incident to open when <paramref name="canary"/>'s contact was used or reported at <paramref name="detectedAt"/>:
    /// it names the recipients' accounts and sessions over the window searched; fails when nobody received the canary.
    /// </summary>
    public static ParseResult<IncidentRequest> Request(
        PatientId canary, IReadOnlyList<Recipient> recipients, TimeWindow window, DateTimeOffset detectedAt, string openedBy, string? alertId = null)
    {
        var selectors = Selectors(recipients);
        if (!selectors.Success)
        {
            return ParseResult<IncidentRequest>.Fail("nobody received canary " + canary.Value + " in the window: " + selectors.Error);
        }

        return new IncidentRequest("Contact témoin " + canary.Value + " utilisé ou signalé", IncidentOrigin.CanaryContact, alertId, window,
            selectors.Value, detectedAt, openedBy).Validate();
    }

    /// <summary>The accounts and sessions of <paramref name="recipients"/>; fails when there are none.</summary>
    public static ParseResult<IncidentSelectors> Selectors(IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return IncidentSelectors.Create(
            recipients.Select(r => r.Account).OfType<string>().Distinct(StringComparer.Ordinal),
            recipients.Select(r => r.Session).OfType<string>().Where(s => s.Length <= IncidentSelectors.MaxSessionLength).Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// The incident key of one canary's leak (stored as the incident's alert id, whose unique index makes two nodes
    /// receiving the same hit at once open one incident). <paramref name="generation"/> counts the canary's leaks: a
    /// hit after its incident was closed is a new leak and opens generation + 1. An id too long for the key is hashed.
    /// </summary>
    public static string Key(PatientId canary, int generation) => KeyPrefix(canary) + generation.ToString(CultureInfo.InvariantCulture);

    /// <summary>What every <see cref="Key"/> of one canary starts with (ends with ':', so no other canary's keys match).</summary>
    public static string KeyPrefix(PatientId canary)
    {
        // Room for ":" + a generation of up to 8 digits.
        var prefix = "canary:" + canary.Value + ":";
        return prefix.Length <= IncidentRequest.MaxAlertIdLength - 8
            ? prefix
            : "canary:#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canary.Value)))[..32] + ":";
    }
}
