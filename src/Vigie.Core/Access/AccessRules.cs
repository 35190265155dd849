namespace Vigie.Core.Access;

/// <summary>Pure permission and step-up decisions: may this principal perform this action now.</summary>
public static class AccessRules
{
    /// <summary>Decides whether <paramref name="principal"/> may perform <paramref name="action"/> at <paramref name="now"/>.</summary>
    public static AccessDecision Authorize(AccessPolicy policy, AccessPrincipal principal, AccessAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(principal);
        switch (principal.Kind)
        {
            case PrincipalKind.System:
                // Machine accounts authenticate with client credentials: no acr, no step-up; only what feeding needs.
                return policy.SystemActions.Contains(action)
                    ? AccessDecision.Allowed
                    : AccessDecision.Deny(DecisionKind.Forbid, "system-account.not-allowed", "system accounts feed identities and cross-reference; they do not browse or read patients");
            case PrincipalKind.SecurityOfficer:
                if (!policy.SecurityOfficerActions.Contains(action))
                {
                    return AccessDecision.Deny(DecisionKind.Forbid, "security-officer.not-allowed", "security officers review access; they do not browse patients");
                }

                break;
            default:
                if (!principal.HasAny(policy.Permissions.GetValueOrDefault(action)))
                {
                    return AccessDecision.Deny(DecisionKind.Forbid, "role.not-allowed", "your role does not allow this interaction");
                }

                break;
        }

        return StepUp(policy, principal, policy.FreshAuthentication.TryGetValue(action, out var maxAge) ? maxAge : null, now);
    }

    /// <summary>
    /// The step-up check alone: the acr must reach the policy minimum and, when <paramref name="maxAge"/> is given,
    /// the last active sign-in must be at most that old. Also used by risk decisions (detection) to ask for a step-up.
    /// </summary>
    public static AccessDecision StepUp(AccessPolicy policy, AccessPrincipal principal, TimeSpan? maxAge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(principal);
        var auth = principal.Authentication;
        if (!policy.AcrSatisfies(auth.Acr, policy.MinimumAcr))
        {
            return new AccessDecision(DecisionKind.StepUp, "step-up.acr", $"sign in again with acr {policy.MinimumAcr} (CPS card or e-CPS)",
                new StepUpRequirement(policy.MinimumAcr, maxAge));
        }

        if (maxAge is { } age && (auth.AuthTime is not { } at || now - at > age))
        {
            return new AccessDecision(DecisionKind.StepUp, "step-up.max-age", "this interaction needs a recent sign-in: sign in again",
                new StepUpRequirement(policy.MinimumAcr, age));
        }

        return AccessDecision.Allowed;
    }
}
