using System.Collections.Frozen;

namespace Vigie.Core.Access;

/// <summary>
/// Maps the profession and activity codes of a token to <see cref="Role"/>s. Configuration-driven: the defaults
/// cover the national codes Vigie knows; a region adds its own codes (and the Vigie role names, which an
/// establishment's own functions use) in access.json.
/// </summary>
/// <param name="Professions">Profession code (TRE_G15) to role.</param>
/// <param name="ActivityRoles">Activity role code to role.</param>
public sealed record RoleMapping(IReadOnlyDictionary<string, Role> Professions, IReadOnlyDictionary<string, Role> ActivityRoles)
{
    /// <summary>
    /// Defaults: profession 10 (médecin) → physician, 60 (infirmier) → nurse; other professions map to nothing
    /// until a region decides they need the registry (least privilege). Activity role codes: the Vigie role names
    /// themselves ("admission", "secretary"...), which the built-in provider and establishments' directories use.
    /// </summary>
    public static RoleMapping Default { get; } = new(
        new Dictionary<string, Role>(StringComparer.Ordinal)
        {
            ["10"] = Role.Physician,
            ["60"] = Role.Nurse,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        Enum.GetValues<Role>().Where(r => r != Role.None)
            .ToFrozenDictionary(RoleNames.Of, r => r, StringComparer.Ordinal));

    /// <summary>The roles an activity grants; unknown codes grant nothing (deny by default).</summary>
    public Role Map(ProfessionalActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var roles = Role.None;
        if (activity.ProfessionCode is { } p && Professions.TryGetValue(p, out var fromProfession))
        {
            roles |= fromProfession;
        }

        if (activity.RoleCode is { } r && ActivityRoles.TryGetValue(r, out var fromActivity))
        {
            roles |= fromActivity;
        }

        return roles;
    }
}
