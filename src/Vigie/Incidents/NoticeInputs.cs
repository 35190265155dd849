using Vigie.Core;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Core.Notices;
using Vigie.Notices;

namespace Vigie.Incidents;

/// <summary>
/// From an incident to the two inputs of `vigie notify`: the targets (one line per person found in the registry,
/// merges followed, with one email, one phone — a mobile first — and the address) and the notice facts (organisation,
/// DPO, dates, measures). Both are checked with the notification module's own rules before anything is written.
/// </summary>
internal static class NoticeInputs
{
    public static IReadOnlyList<NoticeInputFiles.TargetLine> Targets(IReadOnlyList<AffectedPerson> people) =>
        [.. people.Where(p => p.Found).Select(p => new NoticeInputFiles.TargetLine(
            p.Patient.Value,
            DisplayName(p),
            p.Emails.FirstOrDefault(e => e.Contains('@', StringComparison.Ordinal)),
            p.Phones.FirstOrDefault(AffectedPerson.IsMobile) ?? p.Phones.FirstOrDefault(),
            p.Address is { } a ? new NoticeInputFiles.AddressLine(a.Lines, a.PostalCode, a.City, a.Country) : null,
            [.. ScopeBuilder.CategoryOrder.Where(c => p.Categories.HasFlag(c)).Select(c => c.ToString().ToLowerInvariant())]))];

    /// <summary>What a target line discloses, for the journal entry of its export.</summary>
    public static DisclosedData Disclosed(NoticeInputFiles.TargetLine line) =>
        DisclosedData.Identity
        | (line.Email is null ? DisclosedData.None : DisclosedData.Email)
        | (line.Phone is null ? DisclosedData.None : DisclosedData.Phone)
        | (line.Address is null ? DisclosedData.None : DisclosedData.Address);

    /// <summary>
    /// The facts every notice of the incident states. Only measures actually taken are listed, so an incident that
    /// is still only open is refused: contain it (status Contained) before telling people it is contained.
    /// </summary>
    public static ParseResult<NoticeFacts> Facts(Incident incident, IncidentScope scope, OrganisationProfile organisation, TimeZoneInfo zone, string shortName, string portal)
    {
        if (scope.Summary is not { First: { } first, Last: { } last })
        {
            return ParseResult<NoticeFacts>.Fail("the scope is empty: nobody to notify");
        }

        var measures = new List<NoticeMeasure>();
        if (incident.Status >= IncidentStatus.Contained)
        {
            measures.Add(NoticeMeasure.AccountsBlocked);
            if (incident.Selectors.Sessions.Count > 0)
            {
                measures.Add(NoticeMeasure.SessionsRevoked);
            }
        }

        if (incident.Status >= IncidentStatus.Declared)
        {
            measures.Add(NoticeMeasure.AuthoritiesNotified);
        }

        if (measures.Count == 0)
        {
            return ParseResult<NoticeFacts>.Fail("no measure taken yet: contain the incident first (vigie incident status --set Contained)");
        }

        static DateOnly Day(DateTimeOffset t, TimeZoneInfo z) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, z).DateTime);
        var dpo = new DpoContact(organisation.Dpo.Email, organisation.Dpo.Phone,
            [.. (organisation.Dpo.Address ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
        return NoticeFacts.Check(new NoticeFacts(organisation.Name, shortName,
            incident.Selectors.Accounts.Count > 0 ? BreachKind.UsurpedProfessionalAccounts : BreachKind.UnauthorisedAccess,
            Day(first, zone), Day(last, zone), Day(incident.DetectedAt, zone), measures, dpo, portal));
    }

    // "Jeanne DUPONT": the first given name and the name in use.
    private static string DisplayName(AffectedPerson person)
    {
        var given = person.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var name = (given.Length == 0 ? "" : char.ToUpperInvariant(given[0]) + given[1..].ToLowerInvariant() + " ") + (person.UsedName ?? person.BirthName);
        return name.Length > NotificationTarget.MaxDisplayName ? name[..NotificationTarget.MaxDisplayName] : name;
    }
}
