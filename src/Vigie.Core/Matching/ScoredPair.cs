namespace Vigie.Core.Matching;

/// <summary>A pair of records, by their positions in the scanned list (<paramref name="First"/> &lt; <paramref name="Second"/>), and its score.</summary>
/// <param name="First">Position of the first record.</param>
/// <param name="Second">Position of the second record.</param>
/// <param name="Score">The match score of the pair.</param>
public readonly record struct ScoredPair(int First, int Second, MatchScore Score);
