namespace Vigie.Core.Matching;

/// <summary>
/// EM over candidate pairs grouped by the blocking rule that drew them, with u fixed at the frequencies of
/// strangers in general: only m (shared) and one λ per rule move. For a pair drawn by a rule, the fields that
/// rule implies (<see cref="BlockingKeys.FieldsImpliedBy"/>) are left out: strangers brought together by a rule
/// agree on its fields far more often than u says, and EM would take them for matches. Each field's m is
/// thus learned from the rules that leave it free, as Splink does with one training session per blocking rule.
/// </summary>
internal sealed class RuleEm
{
    private const int FieldCount = ComparisonVector.FieldCount;
    private const int RuleShift = 3 * FieldCount;
    private const int Rules = 16;

    private readonly double _floor;
    private readonly double[][] _m = Em.NewTable();
    private readonly double[][] _logM = Em.NewTable();
    private readonly double[][] _logU = Em.NewTable();
    private readonly double[][] _sumM = Em.NewTable();
    private readonly double[] _prior = new double[Rules];
    private readonly int[] _masks = new int[Rules];

    public RuleEm(double[][] u, double initialPrior, double floor)
    {
        _floor = floor;
        Em.Logs(u, _logU);
        for (var f = 0; f < FieldCount; f++)
        {
            for (var level = 1; level < _m[f].Length; level++)
            {
                _m[f][level] = Math.Pow(4, level - 1);
            }

            Em.Normalise(_m[f], floor);
        }

        Array.Fill(_prior, Math.Clamp(initialPrior, Em.MinPrior, 1 - Em.MinPrior));
        foreach (var rule in Enum.GetValues<BlockingRule>())
        {
            var keep = (1 << RuleShift) - 1;
            foreach (var field in BlockingKeys.FieldsImpliedBy(rule))
            {
                keep &= ~(7 << (3 * (int)field));
            }

            _masks[(int)rule] = keep;
        }
    }

    public int Iterations { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>m per field and level (index 0 unused).</summary>
    public double[][] M => _m;

    /// <summary>The pattern of a candidate pair: its vector without the rule's fields, and the rule.</summary>
    public int Pattern(ComparisonVector vector, BlockingRule rule) =>
        (vector.Packed & _masks[(int)rule]) | ((int)rule << RuleShift);

    public void Run(int[] patterns, double[] counts, int maxIterations, double tolerance)
    {
        while (Iterations < maxIterations && !Converged)
        {
            Converged = Step(patterns, counts) < tolerance;
        }
    }

    /// <summary>The posterior match probability of a pattern under the current parameters.</summary>
    public double Posterior(int pattern)
    {
        var logOdds = Math.Log(_prior[pattern >> RuleShift]) - Math.Log(1 - _prior[pattern >> RuleShift]);
        for (var f = 0; f < FieldCount; f++)
        {
            var level = (pattern >> (3 * f)) & 7;
            if (level != 0)
            {
                logOdds += _logM[f][level] - _logU[f][level];
            }
        }

        return MatchModel.Logistic(logOdds);
    }

    private double Step(int[] patterns, double[] counts)
    {
        Iterations++;
        Em.Logs(_m, _logM);
        Em.Clear(_sumM);
        Span<double> matches = stackalloc double[Rules];
        Span<double> totals = stackalloc double[Rules];
        for (var p = 0; p < patterns.Length; p++)
        {
            var pattern = patterns[p];
            var g = Posterior(pattern);
            var n = counts[p];
            matches[pattern >> RuleShift] += n * g;
            totals[pattern >> RuleShift] += n;
            for (var f = 0; f < FieldCount; f++)
            {
                var level = (pattern >> (3 * f)) & 7;
                if (level != 0)
                {
                    _sumM[f][level] += n * g;
                }
            }
        }

        var change = 0.0;
        for (var r = 0; r < Rules; r++)
        {
            if (totals[r] > 0)
            {
                var prior = Math.Clamp(matches[r] / totals[r], Em.MinPrior, 1 - Em.MinPrior);
                change = Math.Max(change, Math.Abs(prior - _prior[r]));
                _prior[r] = prior;
            }
        }

        return Math.Max(change, Em.Update(_m, _sumM, _floor));
    }
}
