namespace Vigie.Core.Access;

/// <summary>
/// Where a request comes from, for the journal and for detection. Set by the host for every request.
/// </summary>
/// <param name="RequestId">The server's request id, echoed in the X-Request-Id response header.</param>
/// <param name="Session">The token's session id (<c>sid</c>), else its token id (<c>jti</c>); null before authentication.</param>
/// <param name="ClientIp">The client address: the connection's, or X-Forwarded-For's when the connection comes from a trusted proxy.</param>
/// <param name="UserAgent">The User-Agent header, cut to <see cref="MaxUserAgentLength"/> characters; null when absent.</param>
public sealed record RequestContext(string RequestId, string? Session, string? ClientIp, string? UserAgent)
{
    /// <summary>Longest user agent kept.</summary>
    public const int MaxUserAgentLength = 256;
}
