using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Vigie.Portal;

/// <summary>
/// Reads a portal form: URL-encoded only, bounded in bytes before anything is parsed, posted from this site only
/// (a browser says so in Sec-Fetch-Site or Origin; a cross-site post is refused, since the portal has no
/// sign-in and no cookie for a token to protect).
/// </summary>
internal static class PortalForm
{
    public readonly record struct Read(Dictionary<string, StringValues>? Fields, PortalPage? Refusal);

    public static async Task<Read> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (IsCrossSite(request))
        {
            return new(null, PortalPages.CrossSite());
        }

        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, PortalPages.NotAForm());
        }

        if (request.ContentLength > limit)
        {
            return new(null, PortalPages.TooLarge(limit));
        }

        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        if (read > limit)
        {
            return new(null, PortalPages.TooLarge(limit));
        }

        if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, read)))
        {
            return new(null, PortalPages.NotAForm());
        }

        using var reader = new FormReader(System.Text.Encoding.UTF8.GetString(buffer, 0, read)) { ValueCountLimit = 16, KeyLengthLimit = 32, ValueLengthLimit = limit };
        try
        {
            return new(await reader.ReadFormAsync(ct).ConfigureAwait(false), null);
        }
        catch (InvalidDataException)
        {
            return new(null, PortalPages.NotAForm());
        }
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null"
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
