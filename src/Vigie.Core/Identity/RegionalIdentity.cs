namespace Vigie.Core.Identity;

/// <summary>
/// One regional identity: the registry's view of a person, to which every establishment's local record is linked.
/// </summary>
/// <param name="Id">The regional id.</param>
/// <param name="Traits">The identity traits.</param>
/// <param name="Status">The identitovigilance status.</param>
/// <param name="Flags">Doubtful, fictitious, homonym.</param>
/// <param name="Ins">The INS number; present only when <paramref name="Status"/> is qualified.</param>
/// <param name="Active">False once merged into another identity.</param>
/// <param name="ReplacedBy">The surviving identity after a merge.</param>
public sealed record RegionalIdentity(
    PatientId Id,
    IdentityTraits Traits,
    IdentityStatus Status,
    IdentityFlags Flags,
    InsNumber? Ins,
    bool Active,
    PatientId? ReplacedBy);
