using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Vigie.Auth;

namespace Vigie.Portal;

/// <summary>
/// ASP.NET Core rate limiting for the portal: a sliding window per client, keyed on the request context's client IP
/// (which honours --trusted-proxy), so a proxy in front does not make every visitor one client.
/// </summary>
internal static class PortalRateLimiting
{
    public const string Verify = "portal-verify";
    public const string Report = "portal-report";
    public const string Page = "portal-page";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, PortalSettings settings) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Verify, http => RateLimitPartition.GetSlidingWindowLimiter(ClientKey(http), _ => Window(settings.VerifyPermits, settings.VerifyWindow)));
            o.AddPolicy(Report, http => RateLimitPartition.GetSlidingWindowLimiter(ClientKey(http), _ => Window(settings.ReportPermits, settings.ReportWindow)));
            o.AddPolicy(Page, http => RateLimitPartition.GetSlidingWindowLimiter(ClientKey(http), _ => Window(settings.PagePermits, TimeSpan.FromMinutes(1))));
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await PortalPages.TooManyRequests(retry).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });

    /// <summary>The client's partition: its address, an IPv6 address reduced to its /64.</summary>
    internal static string ClientKey(HttpContext http)
    {
        var ip = http.RequestContext().ClientIp;
        if (ip is null || !IPAddress.TryParse(ip, out var address))
        {
            return "unknown";
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !address.IsIPv4MappedToIPv6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
