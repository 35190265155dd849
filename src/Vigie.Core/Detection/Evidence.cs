namespace Vigie.Core.Detection;

/// <summary>The engine's arithmetic, pure: log-likelihood ratios, beta-binomial rate evidence, volume and timing evidence.</summary>
internal static class Evidence
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>
    /// Evidence from k suspicious observations out of n, in [0, <paramref name="cap"/>]: the log-likelihood ratio of k
    /// under a beta-binomial around the attack rate against one around the account's usual rate. The beta's
    /// <paramref name="concentration"/> is how much a rate varies from one session to the next (small: a lot), so a
    /// legitimate session on a busier-than-usual day is not taken for an attack, while evidence still grows with n
    /// when the rate is far from anything the account does.
    /// </summary>
    public static double Rate(Counts counts, double usual, double attack, double concentration, double cap)
    {
        if (counts.Trials == 0)
        {
            return 0;
        }

        usual = Math.Clamp(usual, 0.005, 0.95);
        if (attack <= usual + 0.05)
        {
            return 0;
        }

        var llr = LogBetaBinomial(counts.Hits, counts.Trials, attack, concentration) - LogBetaBinomial(counts.Hits, counts.Trials, usual, concentration);
        return Math.Clamp(llr, 0, cap);
    }

    /// <summary>ln P(k of n) under a beta-binomial of this mean and concentration, without the binomial coefficient.</summary>
    public static double LogBetaBinomial(double k, double n, double mean, double concentration)
    {
        var a = mean * concentration;
        var b = (1 - mean) * concentration;
        return LogBeta(k + a, n - k + b) - LogBeta(a, b);
    }

    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(x) for x &gt; 0: Stirling's series from 8 up, the recurrence below it as one product (error under 1e-10).</summary>
    public static double LogGamma(double x)
    {
        var product = 1.0;
        while (x < 8)
        {
            product *= x;
            x += 1;
        }

        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        var series = inverse * (1.0 / 12 - (inverse2 * (1.0 / 360 - (inverse2 * (1.0 / 1260 - (inverse2 / 1680))))));
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series - Math.Log(product);
    }

    /// <summary>weight × ln((count + 1) / (usual + 1)) above the usual peak, else 0.</summary>
    public static double Volume(int count, double usual, double weight) =>
        count <= usual ? 0 : weight * Math.Log((count + 1) / (usual + 1));

    /// <summary>
    /// ln(1 / (168 × share)) − margin, within [0, cap]: zero at any hour holding at least e^margin/168 of the
    /// account's activity, growing as the hour becomes one the account never works.
    /// </summary>
    public static double Timing(double share, double margin, double cap) =>
        Math.Clamp(-Math.Log(168 * Math.Max(share, 1e-9)) - margin, 0, cap);

    /// <summary>The usual peak: exp(mean + z × spread) − 1 of a baseline kept in ln(peak + 1).</summary>
    public static double UsualPeak(double mean, double variance, double z) => Math.Exp(mean + (z * Math.Sqrt(Math.Max(variance, 0)))) - 1;
}
