namespace Vigie.Simulation.Identities.Data;

/// <summary>
/// Share of the population by 5-year age band (0-4, 5-9, ... 100-104), in tenths of a percent, shaped like the
/// INSEE pyramid of Hauts-de-France: a young region, the baby-boom bulge in the 55-75 bands, few centenarians.
/// </summary>
internal static class AgePyramid
{
    public static readonly int[] BandWeights =
    [
        56, 61, 64, 63, 58, 56, 60, 62, 61, 65, 66, 66, 62, 56, 50, 35, 26, 17, 9, 3, 1,
    ];

    public const int BandYears = 5;
}
