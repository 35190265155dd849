namespace Vigie.Benchmarks.Scenarios;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of latencies in milliseconds.</summary>
    public static double Of(List<double> sortedMs, double p) =>
        sortedMs.Count == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(p / 100 * sortedMs.Count) - 1, 0, sortedMs.Count - 1)];
}
