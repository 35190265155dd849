namespace Vigie.Core.Matching;

/// <summary>Settings of the EM estimate in <see cref="MatchModelEstimator"/>.</summary>
public sealed record MatchModelEstimatorOptions
{
    /// <summary>The defaults: 1,000 iterations, tolerance 1e-7, floor 1e-6, initial λ 0.05.</summary>
    public static MatchModelEstimatorOptions Default { get; } = new();

    /// <summary>EM stops after this many iterations even if not converged.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>EM has converged when no parameter moves by more than this in one iteration.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>
    /// Every m, u and λ is kept at least this far from 0 and 1, so that no single field can make a pair
    /// impossible or certain on its own and no weight is infinite.
    /// </summary>
    public double ProbabilityFloor { get; init; } = 1e-6;

    /// <summary>Starting λ. EM moves it; a small value suits candidate pairs from blocking.</summary>
    public double InitialPrior { get; init; } = 0.05;
}
