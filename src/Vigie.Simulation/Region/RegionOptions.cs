namespace Vigie.Simulation.Region;

/// <summary>The size and seed of a synthetic region and of the period simulated.</summary>
public sealed record RegionOptions
{
    /// <summary>Fixes everything: identities, professionals, their days and the attacks.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>First simulated day (local, Europe/Paris).</summary>
    public DateOnly Start { get; init; } = new(2026, 3, 2);

    /// <summary>Days simulated.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Professionals (all roles, security officers included). At least 20.</summary>
    public int Professionals { get; init; } = 500;

    /// <summary>Local patient records generated (about 0.85 patient each after duplicates); canaries come on top.</summary>
    public int Patients { get; init; } = 50_000;

    /// <summary>Establishments (1 to 100).</summary>
    public int Establishments { get; init; } = 12;

    /// <summary>Canary identities planted per establishment, as a share of its patients (at least 3 each). Default 0.4 %.</summary>
    public double CanaryShare { get; init; } = 0.004;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfLessThan(Professionals, 20, nameof(Professionals));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patients, 1_000, nameof(Patients));
        ArgumentOutOfRangeException.ThrowIfLessThan(Establishments, 1, nameof(Establishments));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Establishments, 100, nameof(Establishments));
        if (!(CanaryShare is >= 0 and < 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(CanaryShare), "a share below 10 %");
        }
    }
}
