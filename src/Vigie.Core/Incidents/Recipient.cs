using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>Who had one patient disclosed to them: one account, session, IP and user agent, with what and when.</summary>
/// <param name="Account">The actor id, or null.</param>
/// <param name="Session">The session id.</param>
/// <param name="ClientIp">The client IP as journaled.</param>
/// <param name="UserAgent">The user agent as journaled.</param>
/// <param name="Categories">The union of categories disclosed in this context.</param>
/// <param name="First">First disclosure.</param>
/// <param name="Last">Last disclosure.</param>
/// <param name="Entries">The journal indexes, ascending.</param>
public sealed record Recipient(
    string? Account, string? Session, string? ClientIp, string? UserAgent, DisclosedData Categories, DateTimeOffset First, DateTimeOffset Last, IReadOnlyList<long> Entries);
