namespace Vigie.Core.Matching;

/// <summary>
/// Compared pairs for <see cref="MatchModelEstimator.Estimate(TrainingSample, MatchModelEstimatorOptions?)"/>,
/// drawn from two strata of all the pairs of a register: candidate pairs, drawn block by block (a pair that
/// shares several blocks may be drawn once for each, with that block's rule), and the other pairs, which share
/// no blocking key. Weights give the number of distinct register pairs each sampled pair stands for, so that
/// the model can describe the whole register.
/// </summary>
public sealed record TrainingSample
{
    /// <summary>Creates a sample.</summary>
    /// <param name="candidatePairs">Pairs drawn from blocks.</param>
    /// <param name="candidateRules">For each candidate pair, the rule of the block it was drawn from.</param>
    /// <param name="candidateWeights">For each candidate pair, the distinct register pairs it stands for.</param>
    /// <param name="otherPairs">Pairs that share no blocking key.</param>
    /// <param name="otherWeight">The register pairs each other pair stands for.</param>
    /// <param name="records">How many records the register holds.</param>
    public TrainingSample(
        IReadOnlyList<ComparisonVector> candidatePairs,
        IReadOnlyList<BlockingRule> candidateRules,
        IReadOnlyList<double> candidateWeights,
        IReadOnlyList<ComparisonVector> otherPairs,
        double otherWeight,
        long records)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        ArgumentNullException.ThrowIfNull(candidatePairs);
        ArgumentNullException.ThrowIfNull(candidateRules);
        ArgumentNullException.ThrowIfNull(candidateWeights);
        ArgumentNullException.ThrowIfNull(otherPairs);
        if (candidateRules.Count != candidatePairs.Count || candidateWeights.Count != candidatePairs.Count)
        {
            throw new ArgumentException("every candidate pair needs its rule and its weight", nameof(candidatePairs));
        }

        foreach (var weight in candidateWeights)
        {
            CheckWeight(weight, nameof(candidateWeights));
        }

        CheckWeight(otherWeight, nameof(otherWeight));
        CandidatePairs = candidatePairs;
        CandidateRules = candidateRules;
        CandidateWeights = candidateWeights;
        OtherPairs = otherPairs;
        OtherWeight = otherWeight;
        Records = records;
    }

    /// <summary>Pairs drawn from blocks.</summary>
    public IReadOnlyList<ComparisonVector> CandidatePairs { get; }

    /// <summary>For each candidate pair, the rule of the block it was drawn from.</summary>
    public IReadOnlyList<BlockingRule> CandidateRules { get; }

    /// <summary>For each candidate pair, the distinct register pairs it stands for.</summary>
    public IReadOnlyList<double> CandidateWeights { get; }

    /// <summary>Pairs that share no blocking key.</summary>
    public IReadOnlyList<ComparisonVector> OtherPairs { get; }

    /// <summary>The register pairs each other pair stands for.</summary>
    public double OtherWeight { get; }

    /// <summary>How many records the register holds.</summary>
    public long Records { get; }

    /// <summary>Sampled pairs in all.</summary>
    public int Count => CandidatePairs.Count + OtherPairs.Count;

    private static void CheckWeight(double weight, string name)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(name, "a weight is a finite, non-negative number of pairs");
        }
    }
}
