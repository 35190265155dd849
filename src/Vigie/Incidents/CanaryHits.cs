using Vigie.Core.Incidents;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>What the API, the portal and the command line do with a message naming canary contacts, in one place.</summary>
internal static class CanaryHits
{
    /// <summary>Who canary incidents are opened by: no person decided it, the message did.</summary>
    public const string OpenedBy = "system:canary";

    public static async Task<IReadOnlyList<CanaryAttribution.Attributed>> RecordAsync(
        VigieDbContext db, ContactMentions mentions, CanaryAttribution.Hit hit, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var attributed = await CanaryAttribution.RecordAsync(db, mentions, hit, OpenedBy, now, ct).ConfigureAwait(false);
        foreach (var a in attributed)
        {
            if (a.Incident is { } incident)
            {
                LogMessages.CanaryHitAttributed(logger, a.Canary.Value, a.HitId, hit.Source.ToString(), incident.Id.ToString(), a.Opened, a.Recipients);
            }
            else
            {
                LogMessages.CanaryHitUnattributed(logger, a.Canary.Value, a.HitId, hit.Source.ToString());
            }
        }

        return attributed;
    }

    /// <summary>The attributions as JSON-ready data for the security team (ids and counts; the canary is synthetic).</summary>
    public static object Json(IReadOnlyList<CanaryAttribution.Attributed> attributed) => new
    {
        canaries = attributed.Count,
        attributions = attributed.Select(a => new
        {
            canary = a.Canary.Value,
            contact = a.Contact,
            hit = a.HitId,
            incident = a.Incident?.Id.ToString(),
            opened = a.Opened,
            recipientContexts = a.Recipients,
            accounts = a.Incident?.Selectors.Accounts,
            sessions = a.Incident?.Selectors.Sessions,
        }),
    };
}
