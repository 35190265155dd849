namespace Vigie.Core.Matching;

/// <summary>
/// A Fellegi–Sunter model: the prior probability λ that a compared pair is a match, and for every field
/// the probabilities m (level given a match) and u (level given a non-match), as estimated by
/// <see cref="MatchModelEstimator"/>. Immutable; round-trips through System.Text.Json as it is.
/// </summary>
/// <remarks>
/// <see cref="M"/> and <see cref="U"/> hold one list per <see cref="ComparisonField"/>, in enum order, and in
/// each list one probability per level from level 1 (disagree) upwards: the missing level (0) has no entry
/// because it weighs nothing either way.
/// </remarks>
public sealed record MatchModel
{
    /// <summary>The comparison schema this code understands; a model for another schema is refused.</summary>
    public const string CurrentVersion = "vigie-fs/2";

    // Log-likelihood ratio ln(m/u) per field and level (level 0 = 0), flattened: [field * Stride + level].
    private const int Stride = 8;
    private readonly double[] _weights;
    private readonly double[][] _m;
    private readonly double[][] _u;

    /// <summary>Creates a model, checking its shape and that every probability is in (0, 1).</summary>
    /// <param name="version">Must be <see cref="CurrentVersion"/>.</param>
    /// <param name="prior">λ, the share of matches among compared pairs.</param>
    /// <param name="m">Per field, P(level | match) for levels 1 and up.</param>
    /// <param name="u">Per field, P(level | non-match) for levels 1 and up.</param>
    /// <param name="iterations">EM iterations run to estimate the model.</param>
    /// <param name="converged">Whether EM reached its tolerance before the iteration limit.</param>
    /// <param name="trainingPairs">How many compared pairs the estimate used.</param>
    /// <param name="trainingRecords">
    /// Size of the register λ was estimated for (λ is then the chance that two of its records taken at random
    /// match), or 0 when λ is just the share of matches among the training pairs.
    /// </param>
    public MatchModel(
        string version,
        double prior,
        IReadOnlyList<IReadOnlyList<double>> m,
        IReadOnlyList<IReadOnlyList<double>> u,
        int iterations,
        bool converged,
        long trainingPairs,
        long trainingRecords = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingRecords);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(u);
        if (!string.Equals(version, CurrentVersion, StringComparison.Ordinal))
        {
            throw new ArgumentException($"model version '{version}' is not {CurrentVersion}", nameof(version));
        }

        CheckProbability(prior, nameof(prior));
        Version = version;
        Prior = prior;
        _m = Copy(m, nameof(m));
        _u = Copy(u, nameof(u));
        M = Array.AsReadOnly(Array.ConvertAll(_m, row => (IReadOnlyList<double>)Array.AsReadOnly(row)));
        U = Array.AsReadOnly(Array.ConvertAll(_u, row => (IReadOnlyList<double>)Array.AsReadOnly(row)));
        Iterations = iterations;
        Converged = converged;
        TrainingPairs = trainingPairs;
        TrainingRecords = trainingRecords;
        LogPriorOdds = Math.Log(prior) - Math.Log(1.0 - prior);
        _weights = new double[ComparisonVector.FieldCount * Stride];
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            for (var level = 1; level < ComparisonVector.LevelCount((ComparisonField)f); level++)
            {
                _weights[(f * Stride) + level] = Math.Log(_m[f][level - 1]) - Math.Log(_u[f][level - 1]);
            }
        }
    }

    /// <summary>The schema version, <see cref="CurrentVersion"/>.</summary>
    public string Version { get; }

    /// <summary>λ, the prior probability that a compared pair is a match.</summary>
    public double Prior { get; }

    /// <summary>Per field, P(level | match) for levels 1 and up.</summary>
    public IReadOnlyList<IReadOnlyList<double>> M { get; }

    /// <summary>Per field, P(level | non-match) for levels 1 and up.</summary>
    public IReadOnlyList<IReadOnlyList<double>> U { get; }

    /// <summary>EM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>Whether EM converged within its tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Number of compared pairs used for the estimate.</summary>
    public long TrainingPairs { get; }

    /// <summary>Size of the register λ describes; 0 when λ is the share of matches among the training pairs.</summary>
    public long TrainingRecords { get; }

    /// <summary>ln(λ / (1 − λ)).</summary>
    public double LogPriorOdds { get; }

    /// <summary>
    /// The same model for a register of <paramref name="records"/> identities. The chance that two records
    /// taken at random match is the number of duplicates per record over the number of other records, so λ
    /// scales as 1/(n − 1): in a larger register, a pair that agrees on a name and a birth date is more likely to
    /// be two namesakes. A model trained on 20,000 synthetic identities and used on a million must be rescaled,
    /// or its probabilities are 50 times too confident in the odds. Returns this model when
    /// <see cref="TrainingRecords"/> is 0 or already <paramref name="records"/>.
    /// </summary>
    public MatchModel ForRegisterSize(long records)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 2);
        if (TrainingRecords < 2 || TrainingRecords == records)
        {
            return this;
        }

        var prior = Math.Clamp(Prior * (TrainingRecords - 1) / (records - 1), 1e-15, 0.5);
        return new MatchModel(Version, prior, M, U, Iterations, Converged, TrainingPairs, records);
    }

    /// <summary>The match weight ln(m/u) of one field at one level; 0 for the missing level.</summary>
    public double Weight(ComparisonField field, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, ComparisonVector.LevelCount(field));
        return _weights[((int)field * Stride) + level];
    }

    /// <summary>ln of the likelihood ratio Πm/Πu over the observed fields of <paramref name="vector"/>.</summary>
    public double LogLikelihoodRatio(ComparisonVector vector)
    {
        var packed = vector.Packed;
        var weights = _weights;
        var sum = 0.0;
        for (var f = 0; f < ComparisonVector.FieldCount; f++)
        {
            sum += weights[(f * Stride) + ((packed >> (3 * f)) & 7)];
        }

        return sum;
    }

    /// <summary>
    /// The posterior probability of a match, λΠm / (λΠm + (1 − λ)Πu), computed as a logistic of the log-odds
    /// so that it is always a number in [0, 1].
    /// </summary>
    public double Probability(ComparisonVector vector) => Logistic(LogPriorOdds + LogLikelihoodRatio(vector));

    internal static double Logistic(double logOdds)
    {
        if (logOdds >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-logOdds));
        }

        var e = Math.Exp(logOdds);
        return e / (1.0 + e);
    }

    private static double[][] Copy(IReadOnlyList<IReadOnlyList<double>> source, string name)
    {
        if (source.Count != ComparisonVector.FieldCount)
        {
            throw new ArgumentException($"expected {ComparisonVector.FieldCount} fields", name);
        }

        var copy = new double[ComparisonVector.FieldCount][];
        for (var f = 0; f < copy.Length; f++)
        {
            var expected = ComparisonVector.LevelCount((ComparisonField)f) - 1;
            var row = source[f] ?? throw new ArgumentException("a field has no probabilities", name);
            if (row.Count != expected)
            {
                throw new ArgumentException($"field {(ComparisonField)f} needs {expected} probabilities", name);
            }

            copy[f] = new double[expected];
            var sum = 0.0;
            for (var level = 0; level < expected; level++)
            {
                CheckProbability(row[level], name);
                copy[f][level] = row[level];
                sum += row[level];
            }

            if (Math.Abs(sum - 1.0) > 1e-6)
            {
                throw new ArgumentException($"the probabilities of field {(ComparisonField)f} do not sum to 1", name);
            }
        }

        return copy;
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, "probabilities must lie strictly between 0 and 1");
        }
    }
}
