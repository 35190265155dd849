namespace Vigie.Core.Detection;

/// <summary>
/// Exponentially weighted mean and variance of ln(daily peak + 1) for each window: log space because daily volumes
/// are roughly log-normal (a busy day is a multiple of a quiet one, not a fixed amount more). The first days are a
/// plain running mean (weight 1/(n+1)), then the weight settles at the half-life's.
/// </summary>
internal sealed class PeakBaseline
{
    private readonly double[] _mean = new double[SlidingDistinct.WindowCount];
    private readonly double[] _variance = new double[SlidingDistinct.WindowCount];

    /// <summary>Days learnt (capped where the exponential weight takes over).</summary>
    public double Days { get; private set; }

    public void Learn(ReadOnlySpan<int> peaks, double minWeight)
    {
        var weight = Math.Max(minWeight, 1.0 / (Days + 1));
        for (var w = 0; w < _mean.Length; w++)
        {
            var x = Math.Log(peaks[w] + 1.0);
            var diff = x - _mean[w];
            var step = weight * diff;
            _mean[w] += step;
            _variance[w] = (1 - weight) * (_variance[w] + (diff * step));
        }

        Days = Math.Min(Days + 1, 1 / minWeight);
    }

    /// <summary>This baseline blended with <paramref name="prior"/> (mean, variance) weighted as <paramref name="priorDays"/> days.</summary>
    public (double Mean, double Variance) Blend(int window, (double Mean, double Variance) prior, double priorDays)
    {
        if (Days == 0)
        {
            return prior;
        }

        var total = Days + priorDays;
        var mean = ((Days * _mean[window]) + (priorDays * prior.Mean)) / total;
        var ownGap = _mean[window] - mean;
        var priorGap = prior.Mean - mean;
        var variance = ((Days * (_variance[window] + (ownGap * ownGap))) + (priorDays * (prior.Variance + (priorGap * priorGap)))) / total;
        return (mean, variance);
    }
}
