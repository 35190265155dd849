using Vigie.Core.Access;

namespace Vigie.Simulation.Region;

/// <summary>
/// A professional of the synthetic region and their habits: where they sit, with which browser, how busy they are,
/// and whether they sometimes work from home or a phone.
/// </summary>
/// <param name="Index">Position in the region.</param>
/// <param name="Id">National id (8 + RPPS with a valid check digit).</param>
/// <param name="Establishment">Where they work.</param>
/// <param name="Role">Their role.</param>
/// <param name="Workstation">Their usual client address.</param>
/// <param name="UserAgent">Their usual browser's User-Agent.</param>
/// <param name="Activity">Multiplier of the role's usual volume (part-time, busy ward...), around 1.</param>
/// <param name="NightWorker">For nurses and emergency staff: works mostly nights.</param>
/// <param name="Home">Home address when they sometimes work from home, else null.</param>
/// <param name="RemoteShare">Share of their days with a session from home.</param>
/// <param name="UsesPhone">True when they sometimes open a session from a phone on a mobile network.</param>
public sealed record Professional(
    int Index,
    NationalId Id,
    RegionEstablishment Establishment,
    Role Role,
    string Workstation,
    string UserAgent,
    double Activity,
    bool NightWorker,
    string? Home,
    double RemoteShare,
    bool UsesPhone);
