using System.Runtime.InteropServices;

namespace Vigie.Core.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from unlabelled compared pairs with the EM algorithm of a two-class
/// latent model (Fellegi–Sunter, fields conditionally independent given the class), and samples such pairs
/// from records.
/// </summary>
public static class MatchModelEstimator
{
    /// <summary>
    /// Smallest share of <see cref="SampleTrainingPairs"/> drawn from the pairs that share no blocking key
    /// (more when there are fewer candidate pairs than the rest of the sample would take).
    /// </summary>
    public const double OtherPairShare = 0.25;

    /// <summary>
    /// Runs EM on <paramref name="pairs"/>, each counting once (λ is then the share of matches among them).
    /// Identical vectors are grouped first, so an iteration costs the number of distinct patterns (a few
    /// thousand at most), not the number of pairs. A missing level is unobserved and stays out of the
    /// likelihood. Starts from u at the level frequencies of all pairs (nearly all are non-matches), m weighted
    /// towards agreement (4× per level up) and λ at <see cref="MatchModelEstimatorOptions.InitialPrior"/>;
    /// stops when no parameter moves by more than the tolerance, or at the iteration limit. m and u are kept at
    /// least the probability floor away from 0 and 1. Deterministic: patterns are visited in a fixed order.
    /// </summary>
    public static MatchModel Estimate(IReadOnlyList<ComparisonVector> pairs, MatchModelEstimatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= MatchModelEstimatorOptions.Default;
        var mass = new Dictionary<int, double>();
        AddMass(mass, pairs, pairs.Count, 1.0);
        var em = Run(mass, options);
        return em.ToModel(pairs.Count, trainingRecords: 0);
    }

    /// <summary>
    /// Estimates a model for a whole register from a stratified <paramref name="sample"/>:
    /// <list type="number">
    /// <item>u starts as the level frequencies of the other pairs, which share no blocking key and are
    /// strangers (a match among them is lost to blocking anyway);</item>
    /// <item>EM on the candidate pairs, u fixed, moves m and one λ per blocking rule; for a pair drawn by a
    /// rule, the fields the rule implies are left out (<see cref="BlockingKeys.FieldsImpliedBy"/>), so that
    /// strangers brought together by a rule are not taken for matches because they agree on its fields (the
    /// way Splink trains one session per blocking rule);</item>
    /// <item>a last M step over the whole sample, each pair weighted by the register pairs it stands for, sets
    /// λ to the chance that two records taken at random match, and u to the level frequencies of all strangers
    /// of the register, those of the candidate pairs included (weighted by their posterior of not matching).</item>
    /// </list>
    /// A sample without both strata falls back to plain EM on all its pairs. Deterministic.
    /// </summary>
    public static MatchModel Estimate(TrainingSample sample, MatchModelEstimatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        options ??= MatchModelEstimatorOptions.Default;
        CheckOptions(options);
        if (sample.CandidatePairs.Count == 0 || sample.OtherPairs.Count == 0)
        {
            var mass = new Dictionary<int, double>();
            AddMass(mass, sample.CandidatePairs, sample.CandidatePairs.Count, 1.0);
            AddMass(mass, sample.OtherPairs, sample.OtherPairs.Count, 1.0);
            return Run(mass, options).ToModel(sample.Count, sample.Records);
        }

        var floor = options.ProbabilityFloor;
        var strangers = Em.NewTable();
        var strangerMass = Em.NewTable();
        AddLevels(strangers, sample.OtherPairs, 1.0);
        AddLevels(strangerMass, sample.OtherPairs, sample.OtherWeight);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Em.Normalise(strangers[f], floor);
        }

        var em = new RuleEm(strangers, options.InitialPrior, floor);
        var patternMass = new Dictionary<int, double>();
        var candidatePatterns = new int[sample.CandidatePairs.Count];
        for (var i = 0; i < candidatePatterns.Length; i++)
        {
            candidatePatterns[i] = em.Pattern(sample.CandidatePairs[i], sample.CandidateRules[i]);
            CollectionsMarshal.GetValueRefOrAddDefault(patternMass, candidatePatterns[i], out _) += 1.0;
        }

        var patterns = Group(patternMass, out var counts);
        em.Run(patterns, counts, options.MaxIterations, options.Tolerance);

        // Last M step: candidate pairs count as matches by their posterior, the rest of them and all other
        // pairs as strangers; each sampled pair stands for its stratum weight.
        var posterior = new Dictionary<int, double>(patterns.Length);
        foreach (var pattern in patterns)
        {
            posterior[pattern] = em.Posterior(pattern);
        }

        var matchMass = 0.0;
        var totalMass = sample.OtherPairs.Count * sample.OtherWeight;
        for (var i = 0; i < candidatePatterns.Length; i++)
        {
            var g = posterior[candidatePatterns[i]];
            var weight = sample.CandidateWeights[i];
            matchMass += g * weight;
            totalMass += weight;
            AddLevels(strangerMass, sample.CandidatePairs[i], (1 - g) * weight);
        }

        var prior = Math.Clamp(matchMass / totalMass, Em.MinPrior, 1 - Em.MinPrior);
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            Em.Normalise(strangerMass[f], floor);
        }

        return new MatchModel(
            MatchModel.CurrentVersion, prior, Em.ToLists(em.M), Em.ToLists(strangerMass), em.Iterations, em.Converged, sample.Count, sample.Records);
    }

    /// <summary>
    /// Draws up to <paramref name="maxPairs"/> compared pairs from <paramref name="records"/> in two strata:
    /// up to three quarters from blocks (a block chosen in proportion to its pairs, then a pair in it, labelled
    /// with the block's rule: the pairs of each rule are a uniform sample of all the pairs that satisfy it), the
    /// rest among the pairs that share no key. Weights turn the sample back into distinct register pairs: a
    /// pair sharing j blocks counts 1/j each time it is drawn. A register small enough is taken whole.
    /// Deterministic for a given <paramref name="random"/> seed.
    /// </summary>
    public static TrainingSample SampleTrainingPairs(IReadOnlyList<MatchRecord> records, Random random, int maxPairs)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPairs);
        return TrainingSampler.Sample(records, random, maxPairs, OtherPairShare);
    }

    private static Em Run(Dictionary<int, double> massByPattern, MatchModelEstimatorOptions options)
    {
        CheckOptions(options);
        if (massByPattern.Count == 0)
        {
            throw new ArgumentException("EM needs at least one compared pair");
        }

        var patterns = Group(massByPattern, out var counts);
        var em = new Em(patterns, counts, options.InitialPrior, options.ProbabilityFloor);
        while (em.Iterations < options.MaxIterations && !em.Converged)
        {
            em.Converged = em.Step(patterns, counts) < options.Tolerance;
        }

        return em;
    }

    private static void CheckOptions(MatchModelEstimatorOptions options)
    {
        if (!(options.ProbabilityFloor > 0 && options.ProbabilityFloor < 0.01))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the probability floor must lie in (0, 0.01)");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxIterations);
    }

    private static void AddLevels(double[][] table, IReadOnlyList<ComparisonVector> pairs, double weight)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            AddLevels(table, pairs[i], weight);
        }
    }

    private static void AddLevels(double[][] table, ComparisonVector vector, double weight)
    {
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            var level = vector.Level((ComparisonField)f);
            if (level != 0)
            {
                table[f][level] += weight;
            }
        }
    }

    private static void AddMass(Dictionary<int, double> mass, IReadOnlyList<ComparisonVector> pairs, int count, double weight)
    {
        for (var i = 0; i < count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(mass, pairs[i].Packed, out _) += weight;
        }
    }

    private static int[] Group(Dictionary<int, double> massByPattern, out double[] counts)
    {
        // Sorted, so that the floating-point sums run in the same order on every run.
        var patterns = massByPattern.Keys.ToArray();
        Array.Sort(patterns);
        counts = new double[patterns.Length];
        for (var p = 0; p < patterns.Length; p++)
        {
            counts[p] = massByPattern[patterns[p]];
        }

        return patterns;
    }
}
