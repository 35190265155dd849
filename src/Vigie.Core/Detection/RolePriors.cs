using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>
/// The default cold-start priors per role. They are deliberately generous (a busy day, not an average one): on day
/// one they only have to keep legitimate work quiet, since the behavioural signals and context do the catching;
/// peer groups then learnt baselines take over within days (decision 0007). The comments say why a role differs.
/// </summary>
public static class RolePriors
{
    /// <summary>A role the table does not know, or several at once: the most permissive profile.</summary>
    public static RolePrior Fallback { get; } = new(5, 30, 80, 150, 0.6, 0.35, 0.6, 0.35, 0.5, WorkPattern.Continuous);

    /// <summary>The defaults.</summary>
    public static IReadOnlyDictionary<Role, RolePrior> Defaults { get; } = new Dictionary<Role, RolePrior>
    {
        // Admission desks register many patients in the morning, often new to the establishment, with their contact data.
        [Role.Admission] = new(3, 15, 40, 90, 0.5, 0.30, 0.60, 0.30, 0.15, WorkPattern.Day),
        [Role.Physician] = new(2, 6, 15, 35, 0.5, 0.10, 0.08, 0.10, 0.10, WorkPattern.Day),
        [Role.Nurse] = new(2, 6, 15, 35, 0.5, 0.06, 0.05, 0.08, 0.08, WorkPattern.Shifts),
        // Secretaries arrange appointments: contact data is their daily work.
        [Role.Secretary] = new(3, 10, 25, 55, 0.5, 0.12, 0.70, 0.15, 0.10, WorkPattern.Office),
        // Identity vigilance reviews duplicate queues in bursts, with broad searches by design.
        [Role.IdentityVigilance] = new(6, 40, 100, 160, 0.6, 0.25, 0.30, 0.20, 0.50, WorkPattern.Office),
        // Emergency departments see patients from anywhere, day and night, sometimes without a birth date.
        [Role.Emergency] = new(3, 12, 25, 60, 0.5, 0.45, 0.25, 0.30, 0.30, WorkPattern.Continuous),
        // Security officers review; they do not browse patients, so any volume is unusual.
        [Role.SecurityOfficer] = new(1, 3, 5, 10, 0.5, 0.30, 0.10, 0.20, 0.20, WorkPattern.Office),
    };
}
