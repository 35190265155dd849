namespace Vigie.Simulation.Scoring;

/// <summary>A playbook's sessions summed up.</summary>
/// <param name="Playbook">Its name.</param>
/// <param name="Sessions">Attacker sessions.</param>
/// <param name="MedianExposure">Median exposure per session.</param>
/// <param name="MaxExposure">Largest exposure of a session.</param>
/// <param name="TotalExposure">Exposures summed over the playbook's sessions.</param>
/// <param name="MedianTimeToContainment">Median time to the first non-allow decision over contained sessions; null when none was.</param>
/// <param name="Uncontained">Sessions never stepped up, throttled or blocked.</param>
public sealed record PlaybookScore(string Playbook, int Sessions, double MedianExposure, int MaxExposure, int TotalExposure, TimeSpan? MedianTimeToContainment, int Uncontained);
