namespace Vigie.Core.Journal;

/// <summary>The request an entry belongs to: what an investigation needs to tie a disclosure to a session and a device.</summary>
/// <param name="Session">The sign-in session id.</param>
/// <param name="ClientIp">The client address as text (IPv4 or IPv6).</param>
/// <param name="UserAgent">The client's User-Agent header. The host should cap it (say 512 characters): the journal keeps it whole.</param>
/// <param name="RequestId">The request's correlation id.</param>
public sealed record JournalRequest(string? Session, string? ClientIp, string? UserAgent, string? RequestId)
{
    /// <summary>No request context (a background action).</summary>
    public static JournalRequest None { get; } = new(null, null, null, null);
}
