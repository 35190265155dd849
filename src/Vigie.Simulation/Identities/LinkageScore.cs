namespace Vigie.Simulation.Identities;

/// <summary>
/// Pairwise linkage quality: counts of predicted duplicate pairs that are right (true positives) or wrong
/// (false positives), and of true pairs missed (false negatives), with the usual ratios.
/// </summary>
/// <param name="TruePositives">Predicted pairs whose records share a person key.</param>
/// <param name="FalsePositives">Predicted pairs whose records belong to different persons.</param>
/// <param name="FalseNegatives">True pairs not predicted.</param>
public sealed record LinkageScore(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted, since no prediction was wrong.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there was nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
