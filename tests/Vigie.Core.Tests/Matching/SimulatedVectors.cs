using Vigie.Core.Matching;

namespace Vigie.Core.Tests.Matching;

/// <summary>Comparison vectors drawn from a Fellegi–Sunter model with known parameters.</summary>
internal sealed class SimulatedVectors
{
    // Per field, P(level | match) and P(level | non-match) for levels 1 and up, as MatchModel stores them.
    public static readonly double[][] TrueM =
    [
        [0.02, 0.02, 0.04, 0.07, 0.05, 0.80],
        [0.02, 0.02, 0.04, 0.06, 0.06, 0.80],
        [0.03, 0.10, 0.05, 0.82],
        [0.01, 0.99],
        [0.05, 0.10, 0.85],
        [0.20, 0.80],
        [0.30, 0.70],
        [0.03, 0.12, 0.85],
        [0.15, 0.05, 0.80],
    ];

    public static readonly double[][] TrueU =
    [
        [0.90, 0.04, 0.02, 0.02, 0.005, 0.015],
        [0.85, 0.04, 0.03, 0.03, 0.02, 0.03],
        [0.95, 0.03, 0.001, 0.019],
        [0.50, 0.50],
        [0.90, 0.08, 0.02],
        [0.995, 0.005],
        [0.998, 0.002],
        [0.45, 0.45, 0.10],
        [0.95, 0.04, 0.01],
    ];

    public static readonly double[] MissingRates = [0.01, 0.02, 0.02, 0.01, 0.15, 0.5, 0.6, 0.35, 0.1];

    public static List<ComparisonVector> Draw(Random random, int count, double prior, List<bool>? isMatch = null)
    {
        var vectors = new List<ComparisonVector>(count);
        for (var i = 0; i < count; i++)
        {
            var match = random.NextDouble() < prior;
            isMatch?.Add(match);
            var vector = default(ComparisonVector);
            for (var f = 0; f < ComparisonVector.FieldCount; f++)
            {
                if (random.NextDouble() < MissingRates[f])
                {
                    continue;
                }

                var probabilities = match ? TrueM[f] : TrueU[f];
                var draw = random.NextDouble();
                var level = probabilities.Length;
                for (var l = 0; l < probabilities.Length; l++)
                {
                    draw -= probabilities[l];
                    if (draw < 0)
                    {
                        level = l + 1;
                        break;
                    }
                }

                vector = vector.With((ComparisonField)f, Math.Min(level, probabilities.Length));
            }

            vectors.Add(vector);
        }

        return vectors;
    }
}
