using System.Net;
using System.Net.Sockets;

namespace Vigie.Core.Detection;

/// <summary>
/// The networks of a client address: for IPv4 its /24 (a site's subnet) and /16 (an operator's or a region's
/// block); for IPv6 the /64 and /48, their usual equivalents. Zero when the address is unknown or unparsable.
/// </summary>
internal readonly record struct NetworkKey(ulong Subnet, ulong Block)
{
    public bool IsKnown => Subnet != 0;

    public static NetworkKey Of(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return default;
        }

        if (TryIPv4(address, out var v4))
        {
            return new NetworkKey((1UL << 62) | (v4 >> 8), (1UL << 61) | (v4 >> 16));
        }

        if (IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> bytes = stackalloc byte[16];
            ip.TryWriteBytes(bytes, out _);
            var high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
            return new NetworkKey(DetectionHash.Mix(high) | (1UL << 63), DetectionHash.Mix(high >> 16) | (1UL << 60));
        }

        return default;
    }

    // Dotted quads are nearly every address; parsing them by hand avoids an IPAddress per request.
    private static bool TryIPv4(string text, out uint value)
    {
        value = 0;
        var part = 0;
        var digits = 0;
        var parts = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                part = (part * 10) + (c - '0');
                if (++digits > 3 || part > 255)
                {
                    return false;
                }
            }
            else if (c == '.' && digits > 0 && parts < 3)
            {
                value = (value << 8) | (uint)part;
                parts++;
                part = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (parts != 3 || digits == 0)
        {
            return false;
        }

        value = (value << 8) | (uint)part;
        return true;
    }
}
