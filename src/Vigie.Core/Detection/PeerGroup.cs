namespace Vigie.Core.Detection;

/// <summary>
/// What the accounts of one establishment and role do on clean days: their daily peaks and rates, pooled. It is the
/// cold-start baseline of a new account and a second opinion on an account whose own history is short.
/// </summary>
internal sealed class PeerGroup
{
    // Member-days: about a hundred of them make the pooled baseline.
    private const double MinWeight = 0.01;
    private const double RateCap = 5000;

    private readonly RateCounts[] _rates = new RateCounts[SignalKind.Count];

    public PeakBaseline Peaks { get; } = new();

    public void Learn(ReadOnlySpan<int> peaks, ReadOnlySpan<RateCounts> dayRates)
    {
        Peaks.Learn(peaks, MinWeight);
        for (var k = 0; k < _rates.Length; k++)
        {
            _rates[k].Add(dayRates[k].Hits, dayRates[k].Trials);
            _rates[k].Cap(RateCap);
        }
    }

    public double Rate(int kind, double prior, double priorWeight) => _rates[kind].Rate(prior, priorWeight);
}
