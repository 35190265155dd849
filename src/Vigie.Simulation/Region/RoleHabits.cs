using Vigie.Core.Access;

namespace Vigie.Simulation.Region;

/// <summary>
/// How a role works with the registry on an ordinary day. These are the simulator's own figures, set from how
/// these jobs are done, independently of the engine's priors (which are deliberately not the same numbers).
/// </summary>
/// <param name="PatientsPerDay">Median distinct patients per day worked.</param>
/// <param name="UnlinkedShare">Mean share of patients not (yet) in care at the establishment; it varies a lot by day.</param>
/// <param name="ContactShare">Share of reads that need contact data.</param>
/// <param name="NotFoundShare">Share of encounters whose first search finds nobody (new patient, typo).</param>
/// <param name="SearchShare">Share of encounters that start with a search (else a read from a worklist).</param>
/// <param name="BroadShare">Share of searches by family + given + gender (no birth date at hand).</param>
/// <param name="IdentifierShare">Share of searches by IPP.</param>
/// <param name="BreakGlassShare">Share of reads of patients not in care here made with a declared purpose.</param>
/// <param name="WardShare">Share of patients taken from the professional's ward or follow-up list (continuity of care).</param>
/// <param name="ReadAfterSearch">Share of successful searches followed by a read of the patient.</param>
internal sealed record RoleHabits(
    double PatientsPerDay,
    double UnlinkedShare,
    double ContactShare,
    double NotFoundShare,
    double SearchShare,
    double BroadShare,
    double IdentifierShare,
    double BreakGlassShare,
    double WardShare,
    double ReadAfterSearch)
{
    public static RoleHabits Of(Role role) => role switch
    {
        Role.Admission => new(55, 0.28, 0.6, 0.22, 0.95, 0.08, 0.05, 0, 0, 0.8),
        Role.Physician => new(22, 0.07, 0.05, 0.05, 0.3, 0.1, 0.05, 0.03, 0.75, 0.7),
        Role.Nurse => new(18, 0.04, 0.03, 0.03, 0.15, 0.05, 0.02, 0.01, 0.85, 0.6),
        Role.Secretary => new(35, 0.12, 0.7, 0.1, 0.8, 0.05, 0.05, 0, 0.2, 0.8),
        Role.IdentityVigilance => new(20, 0.25, 0.3, 0.15, 0.7, 0.45, 0.15, 0, 0, 0.9),
        Role.Emergency => new(30, 0.45, 0.2, 0.25, 0.85, 0.3, 0.02, 0.35, 0, 0.8),
        _ => new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    };
}
