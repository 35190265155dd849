using System.Text;

namespace Vigie.Portal;

/// <summary>
/// A portal response: a whole French HTML page, with the headers every portal page carries. The Content-Security-
/// Policy allows no script at all, styles from this site only, forms posting to this site only, no framing.
/// </summary>
internal sealed class PortalPage(int status, string html) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public int Status => status;

    public string Html => html;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders(response.Headers);
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void SecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
