using System.Net;
using Vigie.Core.Access;

namespace Vigie.Auth;

/// <summary>
/// Sets the <see cref="RequestContext"/> of every request: request id (echoed as X-Request-Id), client IP,
/// user agent. The session is added once the token is validated. X-Forwarded-For is believed only when the
/// connection comes from a proxy listed with --trusted-proxy; then the client is the rightmost address that is
/// not itself a trusted proxy (each proxy appends, so the left part is whatever the client chose to send).
/// </summary>
internal sealed class RequestContextMiddleware(RequestDelegate next, AuthSettings settings)
{
    private readonly HashSet<IPAddress> _proxies = settings.TrustedProxies.Select(IPAddress.Parse).Select(Normalise).ToHashSet();

    public Task InvokeAsync(HttpContext http)
    {
        var userAgent = http.Request.Headers.UserAgent.ToString();
        http.SetRequestContext(new RequestContext(
            http.TraceIdentifier,
            null,
            ClientIp(http)?.ToString(),
            userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, Core.Access.RequestContext.MaxUserAgentLength)]));
        http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
        return next(http);
    }

    private IPAddress? ClientIp(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress is { } r ? Normalise(r) : null;
        if (remote is null || !_proxies.Contains(remote))
        {
            return remote;
        }

        var hops = http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                return remote; // A garbled header: keep what we know for sure.
            }

            hop = Normalise(hop);
            if (!_proxies.Contains(hop))
            {
                return hop;
            }
        }

        return remote;
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
