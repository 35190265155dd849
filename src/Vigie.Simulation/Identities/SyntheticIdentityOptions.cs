using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>The knobs of the synthetic region. The defaults give a realistic mid-sized region.</summary>
public sealed record SyntheticIdentityOptions
{
    /// <summary>The defaults.</summary>
    public static SyntheticIdentityOptions Default { get; } = new();

    /// <summary>Number of establishments records are spread over (1 to 1000).</summary>
    public int EstablishmentCount { get; init; } = 12;

    /// <summary>Share of persons who get at least one extra record (a known duplicate), in [0, 1].</summary>
    public double DuplicateShare { get; init; } = 0.15;

    /// <summary>Most extra records one person may get (1 to 7); counts 1, 2, 3... are weighted 70, 20, 7, 3, 2, 1, 1.</summary>
    public int MaxExtraRecords { get; init; } = 4;

    /// <summary>
    /// Share of persons made homonyms (same birth name, first given name, sex, birth date) of another person,
    /// in [0, 0.5]: a homonym copies a nearby person who is not one, and must find one.
    /// </summary>
    public double HomonymShare { get; init; } = 0.01;

    /// <summary>Share of persons whose identity is qualified (QUAL, with an INS), in [0, 1].</summary>
    public double QualifiedShare { get; init; } = 0.72;

    /// <summary>
    /// The INS register the numbers are labelled with. Structurally they are INS-NIR either way; a public
    /// demonstration should use <see cref="Core.Identity.InsKind.Demo"/> so that a synthetic number can never be
    /// taken for a real person's.
    /// </summary>
    public InsKind InsKind { get; init; } = InsKind.Nir;

    /// <summary>
    /// Threads that build blocks of persons; -1 for all cores. The output does not depend on it. Generation also
    /// overlaps with the consumer, so even 1 uses a background thread besides the caller's.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EstablishmentCount, 1, nameof(EstablishmentCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(EstablishmentCount, 1000, nameof(EstablishmentCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExtraRecords, 1, nameof(MaxExtraRecords));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxExtraRecords, 7, nameof(MaxExtraRecords));
        Share(DuplicateShare, nameof(DuplicateShare));
        Share(HomonymShare, nameof(HomonymShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HomonymShare, 0.5, nameof(HomonymShare));
        Share(QualifiedShare, nameof(QualifiedShare));
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), "use -1 for all cores, or a positive count");
        }
    }

    private static void Share(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, "a share lies in [0, 1]");
        }
    }
}
