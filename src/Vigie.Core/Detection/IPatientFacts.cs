using Vigie.Core.Identity;

namespace Vigie.Core.Detection;

/// <summary>
/// Looks up <see cref="PatientFacts"/>, passed to each decision so that the host can answer from what the request
/// already loaded (or a cache) and replay from patients.csv. Must not do IO inside the engine's lock if it can
/// block: the host should pre-load the facts of the request's patients.
/// </summary>
public interface IPatientFacts
{
    /// <summary>The facts about <paramref name="patient"/>; false when unknown (then: no care link, not a canary).</summary>
    bool TryGet(PatientId patient, out PatientFacts facts);
}
