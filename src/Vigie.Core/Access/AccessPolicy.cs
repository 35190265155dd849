using System.Collections.Frozen;

namespace Vigie.Core.Access;

/// <summary>
/// The least-privilege policy. Every default is on and documented with its reason in README ("Least privilege")
/// and docs/decisions/0005; a region overrides them in access.json.
/// </summary>
/// <param name="Permissions">For professionals: the roles that may perform each action (any one suffices).</param>
/// <param name="SystemActions">What establishments' system accounts may do: feed identities and cross-reference.</param>
/// <param name="SecurityOfficerActions">What security officers may do: review, never browse.</param>
/// <param name="AcrLevels">Known acr values, weakest first; an absent or unknown acr is weaker than all.</param>
/// <param name="MinimumAcr">The acr every human principal needs (Pro Santé Connect's CPS/e-CPS level).</param>
/// <param name="FreshAuthentication">Actions that need a recent active sign-in, with the greatest accepted age.</param>
/// <param name="BreakTheGlassRequired">Reading a patient outside one's establishments needs a declared purpose.</param>
/// <param name="PurposeCodes">Accepted break-the-glass purpose codes (HL7 v3 PurposeOfUse).</param>
/// <param name="BreakTheGlassMaxAge">A break-the-glass read needs an active sign-in at most this old.</param>
/// <param name="ContactRoles">Roles whose work needs contact data (on single-patient reads only).</param>
/// <param name="ContactOnBreakTheGlass">Whether a break-the-glass read may disclose contact data.</param>
/// <param name="Search">Search specificity rules.</param>
/// <param name="Roles">Profession/activity code mapping.</param>
public sealed record AccessPolicy(
    IReadOnlyDictionary<AccessAction, Role> Permissions,
    IReadOnlyList<AccessAction> SystemActions,
    IReadOnlyList<AccessAction> SecurityOfficerActions,
    IReadOnlyList<string> AcrLevels,
    string MinimumAcr,
    IReadOnlyDictionary<AccessAction, TimeSpan> FreshAuthentication,
    bool BreakTheGlassRequired,
    IReadOnlyList<string> PurposeCodes,
    TimeSpan BreakTheGlassMaxAge,
    Role ContactRoles,
    bool ContactOnBreakTheGlass,
    SearchRules Search,
    RoleMapping Roles)
{
    private const Role Clinical = Role.Admission | Role.Physician | Role.Nurse | Role.Secretary | Role.IdentityVigilance | Role.Emergency;

    /// <summary>The documented defaults.</summary>
    public static AccessPolicy Default { get; } = new(
        new Dictionary<AccessAction, Role>
        {
            [AccessAction.Search] = Clinical,
            [AccessAction.Match] = Clinical,
            [AccessAction.Read] = Clinical,
            [AccessAction.CrossReference] = Clinical,
            [AccessAction.Create] = Role.Admission | Role.Secretary | Role.IdentityVigilance | Role.Emergency,
            [AccessAction.Update] = Role.Admission | Role.IdentityVigilance,
            [AccessAction.Batch] = Role.IdentityVigilance,
            [AccessAction.Administer] = Role.IdentityVigilance,
            [AccessAction.Review] = Role.SecurityOfficer | Role.IdentityVigilance,
            [AccessAction.Audit] = Role.SecurityOfficer,
            [AccessAction.Contain] = Role.SecurityOfficer,
        }.ToFrozenDictionary(),
        [AccessAction.Create, AccessAction.Update, AccessAction.Batch, AccessAction.CrossReference],
        [AccessAction.Review, AccessAction.Audit, AccessAction.Contain],
        ["eidas1", "eidas2", "eidas3"],
        "eidas1",
        new Dictionary<AccessAction, TimeSpan> { [AccessAction.Administer] = TimeSpan.FromMinutes(15) }.ToFrozenDictionary(),
        true,
        ["ETREAT", "TREAT", "CAREMGT"],
        TimeSpan.FromMinutes(10),
        Role.Admission | Role.Secretary,
        false,
        SearchRules.Default,
        RoleMapping.Default);

    /// <summary>True when <paramref name="acr"/> is at least as strong as <paramref name="required"/>.</summary>
    public bool AcrSatisfies(string? acr, string required)
    {
        var have = acr is null ? -1 : IndexOf(acr);
        var need = IndexOf(required);
        return need < 0 ? string.Equals(acr, required, StringComparison.Ordinal) : have >= need;
    }

    private int IndexOf(string acr)
    {
        for (var i = 0; i < AcrLevels.Count; i++)
        {
            if (string.Equals(AcrLevels[i], acr, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
