using Vigie.Core.Access;

namespace Vigie.Auth;

/// <summary>
/// How endpoints (and later the journal and detection) get the caller and the request context:
/// <c>http.AccessPrincipal()</c> and <c>http.RequestContext()</c>.
/// </summary>
internal static class AccessFeatures
{
    private sealed record PrincipalFeature(AccessPrincipal Principal);

    private sealed record ContextFeature(RequestContext Context);

    /// <summary>The authenticated principal; throws when the endpoint was reached without one (a wiring bug).</summary>
    public static AccessPrincipal AccessPrincipal(this HttpContext http) =>
        http.Features.Get<PrincipalFeature>()?.Principal ?? throw new InvalidOperationException("no access principal: the endpoint is not behind authentication");

    /// <summary>The authenticated principal, or null before or without authentication.</summary>
    public static AccessPrincipal? AccessPrincipalOrNull(this HttpContext http) => http.Features.Get<PrincipalFeature>()?.Principal;

    /// <summary>The request context, set for every request by <see cref="RequestContextMiddleware"/>.</summary>
    public static RequestContext RequestContext(this HttpContext http) =>
        http.Features.Get<ContextFeature>()?.Context ?? throw new InvalidOperationException("no request context: RequestContextMiddleware is not installed");

    internal static void SetAccessPrincipal(this HttpContext http, AccessPrincipal principal) => http.Features.Set(new PrincipalFeature(principal));

    internal static void SetRequestContext(this HttpContext http, RequestContext context) => http.Features.Set(new ContextFeature(context));
}
