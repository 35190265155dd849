using Vigie.Core.Identity;

namespace Vigie.Core.Access;

/// <summary>
/// The caller of one request, after its token was validated and checked against the professionals table.
/// </summary>
/// <param name="Kind">Professional, system account or security officer.</param>
/// <param name="Subject">The stable id: the national professional id, "system:" + FINESS, or "officer:" + name.</param>
/// <param name="Establishments">The establishments where the principal is active (one for a system account, none for a security officer).</param>
/// <param name="Roles">The roles held, merged over those establishments.</param>
/// <param name="Authentication">acr, auth_time and issue time, for step-up decisions.</param>
public sealed record AccessPrincipal(
    PrincipalKind Kind,
    string Subject,
    IReadOnlyList<Finess> Establishments,
    Role Roles,
    AuthenticationInfo Authentication)
{
    /// <summary>True when the principal holds at least one of <paramref name="roles"/>.</summary>
    public bool HasAny(Role roles) => (Roles & roles) != Role.None;

    /// <summary>True when <paramref name="finess"/> is one of the principal's establishments.</summary>
    public bool WorksIn(Finess finess) => Establishments.Contains(finess);
}
