using System.Globalization;
using Vigie.Simulation.Identities;

namespace Vigie.Simulation.Region;

/// <summary>
/// The address space of the simulation: establishments' public blocks, home broadband, mobile carriers (which hand a
/// new address to every session), French hosting and VPN exits, and addresses abroad. Blocks are illustrative.
/// </summary>
internal static class NetworkPlan
{
    private static readonly string[] Broadband = ["86.192", "86.193", "86.195", "90.3", "90.12", "90.45", "92.88", "92.154", "109.208", "109.214", "78.112", "78.120", "82.64", "82.121", "88.160", "88.172", "176.128", "176.150", "2.4", "2.13"];
    private static readonly string[] Mobile = ["37.164", "37.165", "37.166", "37.171", "80.214", "80.215"];
    private static readonly string[] Hosting = ["51.15", "51.75", "51.158", "62.210", "163.172", "195.154", "212.83", "146.59"];
    private static readonly string[] Abroad = ["185.220", "45.146", "103.145", "194.26", "5.188", "91.219", "141.98", "179.43"];

    public static string EstablishmentBlock(int index) => string.Create(CultureInfo.InvariantCulture, $"{193 + (index % 4)}.{48 + (index * 7 % 200)}");

    public static string Host(string block, int subnet, int host) => string.Create(CultureInfo.InvariantCulture, $"{block}.{subnet}.{host}");

    public static string HomeAddress(SimRandom random) => Random(Broadband, random);

    public static string MobileAddress(SimRandom random) => Random(Mobile, random);

    public static string HostingAddress(SimRandom random) => Random(Hosting, random);

    public static string AbroadAddress(SimRandom random) => Random(Abroad, random);

    /// <summary>Another address in the same /24 (a VPN exit or hosting provider hands out neighbours).</summary>
    public static string Neighbour(string address, SimRandom random) =>
        address[..(address.LastIndexOf('.') + 1)] + random.Next(2, 254).ToString(CultureInfo.InvariantCulture);

    private static string Random(string[] blocks, SimRandom random) =>
        Host(blocks[random.Next(blocks.Length)], random.Next(256), random.Next(2, 254));
}
