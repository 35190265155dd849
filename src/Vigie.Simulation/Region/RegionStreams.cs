using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>
/// The region's own random streams (numbered apart from the identity generator's): each professional, day and
/// attack draws from its own sequence, so a change to one never reshuffles another and runs are reproducible.
/// </summary>
internal static class RegionStreams
{
    public const RandomStream Professionals = (RandomStream)101;
    public const RandomStream Canaries = (RandomStream)102;
    public const RandomStream Day = (RandomStream)103;
    public const RandomStream Ward = (RandomStream)104;
    public const RandomStream Attacks = (RandomStream)105;
    public const RandomStream Attack = (RandomStream)106;
    public const RandomStream Networks = (RandomStream)107;
    public const RandomStream Sessions = (RandomStream)108;
}
