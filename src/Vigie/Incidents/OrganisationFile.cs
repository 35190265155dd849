using System.Text.Json;
using Vigie.Core.Incidents;

namespace Vigie.Incidents;

/// <summary>
/// The organisation named in declarations, from <c>organisation.json</c> in the data directory (or a file given on
/// the command line). Every field is optional; a missing one keeps its documented default from
/// <see cref="OrganisationProfile.Default"/>, a visible placeholder that the drafts list as "to complete".
/// <code>
/// { "name": "GRADeS …", "siren": "…", "finess": "…", "address": "…", "region": "Hauts-de-France",
///   "dpo": { "name": "…", "email": "dpo@…", "phone": "…" },
///   "securityOfficer": { "name": "…", "email": "rssi@…", "phone": "…" },
///   "timeZone": "Europe/Paris" }
/// </code>
/// </summary>
internal static class OrganisationFile
{
    public const string FileName = "organisation.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static (OrganisationProfile Profile, TimeZoneInfo Zone) Load(string dataDirectory, string? path = null)
    {
        path ??= Path.Combine(dataDirectory, FileName);
        var profile = OrganisationProfile.Default;
        if (File.Exists(path))
        {
            var file = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Options)
                       ?? throw new InvalidOperationException(path + " is empty");
            var d = profile;
            profile = new OrganisationProfile(
                file.Name ?? d.Name, file.Siren ?? d.Siren, file.Finess ?? d.Finess, file.Address ?? d.Address, file.Region ?? d.Region,
                Merge(d.Dpo, file.Dpo), Merge(d.SecurityOfficer, file.SecurityOfficer), file.TimeZone ?? d.TimeZoneId);
        }

        return (profile, Zone(profile.TimeZoneId));
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tzdata: UTC, which the drafts then name as such.
            return TimeZoneInfo.Utc;
        }
    }

    private static ContactPoint Merge(ContactPoint fallback, ContactDto? given) =>
        given is null ? fallback : new ContactPoint(given.Name ?? fallback.Name, given.Email ?? fallback.Email, given.Phone ?? fallback.Phone, given.Address ?? fallback.Address);

    private sealed record ContactDto(string? Name, string? Email, string? Phone, string? Address);

    private sealed record Dto(string? Name, string? Siren, string? Finess, string? Address, string? Region, ContactDto? Dpo, ContactDto? SecurityOfficer, string? TimeZone);
}
