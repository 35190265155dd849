using System.Collections.Concurrent;
using Vigie.Auth;
using Vigie.Core.Journal;

namespace Vigie.Journal;

/// <summary>
/// Journals sign-ins and step-ups as the API sees them. Sign-in happens at the identity provider (Pro Santé
/// Connect in production), out of this process's sight; what the registry can attest is the first request of a
/// session (a <see cref="JournalAction.SignIn"/> entry with its acr) and a later, fresher authentication within the
/// same session (a <see cref="JournalAction.StepUp"/>). Each node journals its own first sighting: with several
/// nodes, a session may have one sign-in entry per node it reached.
/// </summary>
internal sealed class SessionSightings
{
    // Bounded: past this many live sessions the table is cleared and sessions are journaled again on their next
    // request, which costs one extra entry each, never a missed one.
    private const int MaxSessions = 200_000;

    private readonly ConcurrentDictionary<string, long> _authTimes = new(StringComparer.Ordinal);

    /// <summary>Middleware body: journals the sighting, if it is one, before the request goes on.</summary>
    public async Task ObserveAsync(HttpContext http)
    {
        var principal = http.AccessPrincipalOrNull();
        var session = http.RequestContext().Session;
        if (principal is null || session is null)
        {
            return;
        }

        var authTime = (principal.Authentication.AuthTime ?? principal.Authentication.IssuedAt).ToUnixTimeSeconds();
        var action = Classify(session, authTime);
        if (action is null)
        {
            return;
        }

        await http.JournalAsync(action.Value, [], DisclosedData.None, query: "acr=" + (principal.Authentication.Acr ?? "none")).ConfigureAwait(false);
        _authTimes[session] = Math.Max(authTime, _authTimes.GetValueOrDefault(session));
    }

    private JournalAction? Classify(string session, long authTime)
    {
        if (_authTimes.Count > MaxSessions)
        {
            _authTimes.Clear();
        }

        return _authTimes.TryGetValue(session, out var seen)
            ? authTime > seen ? JournalAction.StepUp : null
            : JournalAction.SignIn;
    }
}
