using Vigie.Core.Identity;

namespace Vigie.Core.Access;

/// <summary>Pure rules for single-patient reads.</summary>
public static class PatientReadPolicy
{
    /// <summary>Decides a read by <paramref name="principal"/> of a patient known to <paramref name="patientEstablishments"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="principal">The reader (already authorized for <see cref="AccessAction.Read"/>).</param>
    /// <param name="patientEstablishments">The establishments holding a local record of the patient.</param>
    /// <param name="purpose">The declared break-the-glass purpose, if any.</param>
    /// <param name="now">The current time (for the freshness of the sign-in).</param>
    public static ReadDecision Decide(AccessPolicy policy, AccessPrincipal principal, IReadOnlyCollection<Finess> patientEstablishments,
        BreakTheGlass? purpose, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(patientEstablishments);
        var contact = principal.HasAny(policy.ContactRoles) ? ContactCategories.All : ContactCategories.None;
        if (patientEstablishments.Any(principal.WorksIn))
        {
            return new ReadDecision(AccessDecision.Allowed, false, contact);
        }

        var outsideContact = policy.ContactOnBreakTheGlass ? contact : ContactCategories.None;
        if (!policy.BreakTheGlassRequired)
        {
            return new ReadDecision(AccessDecision.Allowed, false, outsideContact);
        }

        if (purpose is null || !policy.PurposeCodes.Contains(purpose.PurposeCode))
        {
            return new ReadDecision(AccessDecision.Deny(DecisionKind.NeedsPurpose, purpose is null ? "break-the-glass.missing" : "break-the-glass.unknown-purpose",
                "this patient is not known to your establishments: declare a purpose in the X-Vigie-Purpose header ("
                + string.Join(", ", policy.PurposeCodes) + "), optionally with a reason in X-Vigie-Purpose-Reason; it is recorded and reviewed"),
                false, ContactCategories.None);
        }

        var fresh = AccessRules.StepUp(policy, principal, policy.BreakTheGlassMaxAge, now);
        return fresh.IsAllowed
            ? new ReadDecision(AccessDecision.Allowed, true, outsideContact)
            : new ReadDecision(fresh, false, ContactCategories.None);
    }
}
