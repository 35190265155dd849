using Vigie.Core.Access;

namespace Vigie.Core.Detection;

/// <summary>
/// The suspensions in force, keyed by account and by (account, session): sticky until a release. Holds the
/// <see cref="ContainmentChange"/> that put each in place, so a status or an export is the values themselves.
/// </summary>
internal sealed class ContainmentRegistry
{
    private readonly Dictionary<NationalId, ContainmentChange> _accounts = [];
    private readonly Dictionary<NationalId, Dictionary<string, ContainmentChange>> _sessions = [];

    // The latest release per target, so that a suspension older than it (delayed on its way from another node) is
    // not applied after the release that lifted it.
    private readonly Dictionary<(NationalId, string?), DateTimeOffset> _released = [];

    public ContainmentChange? Account(NationalId account) => _accounts.GetValueOrDefault(account);

    public ContainmentChange? Session(NationalId account, string session) =>
        _sessions.TryGetValue(account, out var sessions) ? sessions.GetValueOrDefault(session) : null;

    public IReadOnlyList<ContainmentChange> SessionsOf(NationalId account) =>
        _sessions.TryGetValue(account, out var sessions) ? [.. sessions.Values.OrderBy(c => c.At).ThenBy(c => c.Session, StringComparer.Ordinal)] : [];

    public IEnumerable<ContainmentChange> All() =>
        _accounts.Values.Concat(_sessions.Values.SelectMany(s => s.Values));

    /// <summary>
    /// Applies a change unless an equal or later one for the same target is already in force (last writer wins by
    /// time, so nodes converge whatever order changes reach them in). True when the state changed.
    /// </summary>
    public bool Apply(ContainmentChange change)
    {
        var current = change.Scope == ContainmentScope.Account ? Account(change.Professional) : Session(change.Professional, change.Session!);
        var key = (change.Professional, change.Scope == ContainmentScope.Account ? null : change.Session);
        if (change.Action == ContainmentAction.Suspend)
        {
            if (current is not null || (_released.TryGetValue(key, out var released) && change.At <= released))
            {
                return false;
            }

            if (change.Scope == ContainmentScope.Account)
            {
                _accounts[change.Professional] = change;
            }
            else
            {
                if (!_sessions.TryGetValue(change.Professional, out var sessions))
                {
                    sessions = new Dictionary<string, ContainmentChange>(StringComparer.Ordinal);
                    _sessions[change.Professional] = sessions;
                }

                sessions[change.Session!] = change;
            }

            return true;
        }

        _released[key] = _released.TryGetValue(key, out var last) && last > change.At ? last : change.At;

        // A release older than the suspension in force is a stale message from before it: ignore it.
        if (current is null || change.At < current.At)
        {
            return false;
        }

        if (change.Scope == ContainmentScope.Account)
        {
            _accounts.Remove(change.Professional);
        }
        else if (_sessions.TryGetValue(change.Professional, out var sessions))
        {
            sessions.Remove(change.Session!);
            if (sessions.Count == 0)
            {
                _sessions.Remove(change.Professional);
            }
        }

        return true;
    }
}
