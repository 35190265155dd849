using Vigie.Core.Identity;

namespace Vigie.Simulation.Region;

/// <summary>An establishment of the region, with the networks its workstations use and its standard browser.</summary>
/// <param name="Index">Position in the region, largest first.</param>
/// <param name="Finess">FINESS number.</param>
/// <param name="Name">Display name.</param>
/// <param name="Network">Its public /16 as "a.b".</param>
/// <param name="Subnets">Third octets of the /24s its workstations sit in (one per building or site).</param>
/// <param name="Browser">The browser its IT department installs.</param>
public sealed record RegionEstablishment(int Index, Finess Finess, string Name, string Network, IReadOnlyList<int> Subnets, string Browser);
