namespace Vigie.Core.Matching;

/// <summary>
/// The state of one EM run for <see cref="MatchModelEstimator"/>: λ, m and u per field and level (index 0,
/// the missing level, unused), moved by <see cref="Step"/> over patterns with their masses.
/// </summary>
internal sealed class Em
{
    private const int FieldCount = ComparisonVector.FieldCount;

    /// <summary>λ is a share of pairs, about 1e-7 in a register of a million records: it has its own bounds.</summary>
    internal const double MinPrior = 1e-15;

    private readonly double _floor;
    private readonly double[][] _m = NewTable();
    private readonly double[][] _u = NewTable();
    private readonly double[][] _sumM = NewTable();
    private readonly double[][] _sumU = NewTable();
    private readonly double[][] _logM = NewTable();
    private readonly double[][] _logU = NewTable();
    private double _prior;

    /// <summary>
    /// Starts from u at the level frequencies of all pairs (nearly all are non-matches), m weighted towards
    /// agreement (4× per level up) and λ as given.
    /// </summary>
    public Em(int[] patterns, double[] masses, double initialPrior, double floor)
    {
        _floor = floor;
        _prior = Math.Clamp(initialPrior, MinPrior, 1 - MinPrior);
        for (var p = 0; p < patterns.Length; p++)
        {
            for (var f = 0; f < FieldCount; f++)
            {
                var level = (patterns[p] >> (3 * f)) & 7;
                if (level != 0)
                {
                    _u[f][level] += masses[p];
                }
            }
        }

        for (var f = 0; f < FieldCount; f++)
        {
            var total = 0.0;
            for (var level = 1; level < _u[f].Length; level++)
            {
                total += _u[f][level];
            }

            for (var level = 1; level < _m[f].Length; level++)
            {
                // A field never observed keeps its start, so it starts with no evidence (m = u, weight 0).
                _m[f][level] = total > 0 ? Math.Pow(4, level - 1) : 1;

                // A level never seen still starts above zero.
                _u[f][level] += total > 0 ? total * 1e-6 : 1;
            }

            Normalise(_m[f], _floor);
            Normalise(_u[f], _floor);
        }
    }

    public int Iterations { get; private set; }

    public bool Converged { get; set; }

    /// <summary>
    /// One E step (posterior match probability of each pattern) and M step (new λ, m, u from the
    /// posterior-weighted masses). Returns the largest change of a parameter (relative for λ).
    /// </summary>
    public double Step(int[] patterns, double[] masses)
    {
        Iterations++;
        Logs(_m, _logM);
        Logs(_u, _logU);
        Clear(_sumM);
        Clear(_sumU);
        var logPriorOdds = Math.Log(_prior) - Math.Log(1 - _prior);
        var matchMass = 0.0;
        var totalMass = 0.0;
        for (var p = 0; p < patterns.Length; p++)
        {
            var packed = patterns[p];
            var logOdds = logPriorOdds;
            for (var f = 0; f < FieldCount; f++)
            {
                var level = (packed >> (3 * f)) & 7;
                if (level != 0)
                {
                    logOdds += _logM[f][level] - _logU[f][level];
                }
            }

            var g = MatchModel.Logistic(logOdds);
            var n = masses[p];
            matchMass += n * g;
            totalMass += n;
            for (var f = 0; f < FieldCount; f++)
            {
                var level = (packed >> (3 * f)) & 7;
                if (level != 0)
                {
                    _sumM[f][level] += n * g;
                    _sumU[f][level] += n * (1 - g);
                }
            }
        }

        var prior = Math.Clamp(matchMass / totalMass, MinPrior, 1 - MinPrior);
        var change = Math.Abs(prior - _prior) / Math.Max(prior, _prior);
        _prior = prior;
        change = Math.Max(change, Update(_m, _sumM));
        return Math.Max(change, Update(_u, _sumU));
    }

    public MatchModel ToModel(long trainingPairs, long trainingRecords) =>
        new(MatchModel.CurrentVersion, _prior, ToLists(_m), ToLists(_u), Iterations, Converged, trainingPairs, trainingRecords);

    private double Update(double[][] table, double[][] sums) => Update(table, sums, _floor);

    /// <summary>Replaces <paramref name="table"/> by the normalised <paramref name="sums"/>; returns the largest change.</summary>
    internal static double Update(double[][] table, double[][] sums, double floor)
    {
        var change = 0.0;
        for (var f = 0; f < FieldCount; f++)
        {
            var total = 0.0;
            for (var level = 1; level < sums[f].Length; level++)
            {
                total += sums[f][level];
            }

            if (total <= 0)
            {
                continue; // the field is never observed: keep the starting values
            }

            Normalise(sums[f], floor);
            for (var level = 1; level < sums[f].Length; level++)
            {
                change = Math.Max(change, Math.Abs(sums[f][level] - table[f][level]));
                table[f][level] = sums[f][level];
            }
        }

        return change;
    }

    /// <summary>Scales levels 1 and up to a sum of 1 with every probability at least the floor (so never 0, never 1).</summary>
    internal static void Normalise(double[] row, double floor)
    {
        var total = 0.0;
        for (var level = 1; level < row.Length; level++)
        {
            total += row[level];
        }

        // A field never observed (a register that records no address, say) carries no evidence: uniform m and
        // u give it weight 0 at every level, instead of 0/0.
        if (!(total > 0))
        {
            for (var level = 1; level < row.Length; level++)
            {
                row[level] = 1.0 / (row.Length - 1);
            }

            return;
        }

        var floored = 0.0;
        for (var level = 1; level < row.Length; level++)
        {
            row[level] = Math.Max(row[level] / total, floor);
            floored += row[level];
        }

        for (var level = 1; level < row.Length; level++)
        {
            row[level] /= floored;
        }
    }

    internal static double[][] NewTable()
    {
        var table = new double[FieldCount][];
        for (var f = 0; f < FieldCount; f++)
        {
            table[f] = new double[ComparisonVector.LevelCount((ComparisonField)f)];
        }

        return table;
    }

    internal static void Clear(double[][] table)
    {
        foreach (var row in table)
        {
            Array.Clear(row);
        }
    }

    internal static void Logs(double[][] table, double[][] logs)
    {
        for (var f = 0; f < FieldCount; f++)
        {
            for (var level = 1; level < table[f].Length; level++)
            {
                logs[f][level] = Math.Log(table[f][level]);
            }
        }
    }

    internal static IReadOnlyList<IReadOnlyList<double>> ToLists(double[][] table)
    {
        var lists = new IReadOnlyList<double>[FieldCount];
        for (var f = 0; f < FieldCount; f++)
        {
            lists[f] = table[f][1..];
        }

        return lists;
    }
}
