namespace Vigie.Core.Matching;

/// <summary>The outcome of a <see cref="DuplicateScanner"/> run: the pairs found and what blocking did.</summary>
/// <param name="Pairs">Pairs graded possible or better, each once, ordered by first then second position.</param>
/// <param name="Blocks">Blocks scanned (two records or more, within the cap).</param>
/// <param name="ComparedPairs">Distinct pairs scored.</param>
/// <param name="SkippedBlocks">Blocks over the size cap, not scanned.</param>
/// <param name="SkippedBlockPairs">Pairs inside skipped blocks (some are still scored through another, smaller block).</param>
/// <param name="LargestSkippedBlock">Size of the largest skipped block, 0 when none was skipped.</param>
public sealed record DuplicateScanResult(
    IReadOnlyList<ScoredPair> Pairs,
    int Blocks,
    long ComparedPairs,
    int SkippedBlocks,
    long SkippedBlockPairs,
    int LargestSkippedBlock);
