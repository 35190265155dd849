using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>An account's containment state, for <c>GET /admin/professionals/{id}</c>: the suspensions in force.</summary>
/// <param name="Professional">The account.</param>
/// <param name="Account">The account suspension in force, or null.</param>
/// <param name="Sessions">The session suspensions in force.</param>
public sealed record ContainmentStatus(NationalId Professional, ContainmentChange? Account, IReadOnlyList<ContainmentChange> Sessions)
{
    /// <summary>True when nothing is suspended.</summary>
    public bool IsClear => Account is null && Sessions.Count == 0;
}
