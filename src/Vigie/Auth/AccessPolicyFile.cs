using System.Text.Json;
using System.Text.Json.Serialization;
using Vigie.Core.Access;

namespace Vigie.Auth;

/// <summary>
/// access.json in the data directory overrides the policy defaults, field by field. Every field is optional:
/// <code>
/// { "searchMaxCount": 20, "searchMinPrefixLength": 3, "requireSpecificSearch": true,
///   "breakTheGlassRequired": true, "purposeCodes": ["ETREAT","TREAT","CAREMGT"], "breakTheGlassMaxAgeSeconds": 600,
///   "contactRoles": "admission,secretary", "contactOnBreakTheGlass": false, "minimumAcr": "eidas1",
///   "permissions": { "Create": "admission,secretary" }, "professions": { "10": "physician" }, "activityRoles": { "FON-01": "admission" } }
/// </code>
/// A malformed file stops the start: a policy silently half-read is worse than none.
/// </summary>
internal static class AccessPolicyFile
{
    public const string FileName = "access.json";

    private sealed record Overrides(
        int? SearchMaxCount, int? SearchMinPrefixLength, bool? RequireSpecificSearch, int? MaxBirthDateSpanDays,
        bool? BreakTheGlassRequired, string[]? PurposeCodes, int? BreakTheGlassMaxAgeSeconds,
        string? ContactRoles, bool? ContactOnBreakTheGlass, string? MinimumAcr, string[]? AcrLevels,
        Dictionary<string, string>? Permissions, Dictionary<string, string>? Professions, Dictionary<string, string>? ActivityRoles);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static AuthSettings Apply(AuthSettings auth, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return auth;
        }

        var o = JsonSerializer.Deserialize<Overrides>(File.ReadAllText(path), Json) ?? throw new InvalidDataException(path + " is empty");
        var p = auth.Policy;
        p = p with
        {
            Search = new SearchRules(o.RequireSpecificSearch ?? p.Search.RequireSpecificCriteria, o.SearchMinPrefixLength ?? p.Search.MinPrefixLength,
                o.SearchMaxCount ?? p.Search.MaxCount, o.MaxBirthDateSpanDays ?? p.Search.MaxBirthDateSpanDays),
            BreakTheGlassRequired = o.BreakTheGlassRequired ?? p.BreakTheGlassRequired,
            PurposeCodes = o.PurposeCodes ?? p.PurposeCodes,
            BreakTheGlassMaxAge = o.BreakTheGlassMaxAgeSeconds is { } s ? TimeSpan.FromSeconds(s) : p.BreakTheGlassMaxAge,
            ContactRoles = o.ContactRoles is { } c ? Roles(c, path) : p.ContactRoles,
            ContactOnBreakTheGlass = o.ContactOnBreakTheGlass ?? p.ContactOnBreakTheGlass,
            MinimumAcr = o.MinimumAcr ?? p.MinimumAcr,
            AcrLevels = o.AcrLevels ?? p.AcrLevels,
            Permissions = o.Permissions is null ? p.Permissions : Merge(p.Permissions, o.Permissions.ToDictionary(
                kv => Enum.TryParse<AccessAction>(kv.Key, ignoreCase: true, out var a) ? a : throw new InvalidDataException($"{path}: unknown action {kv.Key}"),
                kv => Roles(kv.Value, path))),
            Roles = new RoleMapping(
                o.Professions is null ? p.Roles.Professions : Merge(p.Roles.Professions, o.Professions.ToDictionary(kv => kv.Key, kv => Roles(kv.Value, path), StringComparer.Ordinal)),
                o.ActivityRoles is null ? p.Roles.ActivityRoles : Merge(p.Roles.ActivityRoles, o.ActivityRoles.ToDictionary(kv => kv.Key, kv => Roles(kv.Value, path), StringComparer.Ordinal))),
        };
        return auth with { Policy = p };
    }

    private static Role Roles(string names, string path)
    {
        var parsed = RoleNames.Parse(names);
        return parsed.Success ? parsed.Value : throw new InvalidDataException(path + ": " + parsed.Error);
    }

    private static Dictionary<TKey, Role> Merge<TKey>(IReadOnlyDictionary<TKey, Role> defaults, Dictionary<TKey, Role> overrides)
        where TKey : notnull
    {
        var merged = defaults.ToDictionary(kv => kv.Key, kv => kv.Value, overrides.Comparer);
        foreach (var (key, value) in overrides)
        {
            merged[key] = value;
        }

        return merged;
    }
}
