namespace Vigie.Core.Detection;

/// <summary>
/// How much one of an account's rates varies from one day to the next, learnt from its clean days: the exponentially
/// weighted variance of the daily rate, less the part that is only binomial noise (few trials in a day), gives the
/// concentration of the beta distribution the account's sessions are judged against. A steady account (a ward nurse)
/// gets a tight one, so an unusual session stands out; an erratic one (an emergency desk) keeps a wide one.
/// </summary>
internal struct RateSpread
{
    // Days with fewer trials say little about the rate's spread.
    private const double MinTrials = 8;

    private double _mean;
    private double _variance;
    private double _trials;
    private double _days;

    public void Learn(double hits, double trials, double weight)
    {
        if (trials < MinTrials)
        {
            return;
        }

        var rate = hits / trials;
        var step = Math.Max(weight, 1.0 / (_days + 1));
        var diff = rate - _mean;
        _mean += step * diff;
        _variance = (1 - step) * (_variance + (diff * step * diff));
        _trials += step * (trials - _trials);
        _days = Math.Min(_days + 1, 1 / weight);
    }

    /// <summary>The concentration for a usual rate <paramref name="usual"/>, the learnt spread blended with
    /// <paramref name="prior"/> weighted as <paramref name="priorDays"/> days.</summary>
    public readonly double Concentration(double usual, double prior, double priorDays)
    {
        var binomial = usual * (1 - usual);
        var priorSpread = binomial / (prior + 1);
        if (_days < 2)
        {
            return prior;
        }

        // Keep at least a hundredth of the binomial variance as true spread: no account is perfectly regular.
        var learnt = Math.Max(_variance - (binomial / Math.Max(_trials, 1)), binomial / 100);
        var spread = ((_days * learnt) + (priorDays * priorSpread)) / (_days + priorDays);
        return Math.Clamp((binomial / spread) - 1, 2, 99);
    }
}
