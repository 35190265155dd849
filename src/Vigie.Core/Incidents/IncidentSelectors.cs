using System.Collections.Frozen;
using System.Net;
using Vigie.Core.Access;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>
/// What an incident names: accounts (national ids or other actor ids), sessions, client IPs and user agents.
/// An entry belongs to the incident when it matches <em>any</em> of them (a union): a breach notification must
/// not miss a person because the analyst named the attacker's IP but not the second account it used. Each list is
/// normalised (national ids canonical, IPs in their shortest text form), deduplicated and sorted, so two incidents
/// naming the same things compare equal and store the same text.
/// </summary>
public sealed record IncidentSelectors
{
    /// <summary>Longest session id accepted.</summary>
    public const int MaxSessionLength = 256;

    /// <summary>Longest user agent accepted (the host keeps 256; older or other writers may keep more).</summary>
    public const int MaxUserAgentLength = 1024;

    /// <summary>Most values in one list.</summary>
    public const int MaxValues = 1000;

    private readonly string[] _accounts;
    private readonly string[] _sessions;
    private readonly string[] _ips;
    private readonly string[] _userAgents;
    private readonly FrozenSet<string> _accountSet;
    private readonly FrozenSet<string> _sessionSet;
    private readonly FrozenSet<string> _ipSet;
    private readonly FrozenSet<string> _userAgentSet;

    private IncidentSelectors(string[] accounts, string[] sessions, string[] ips, string[] userAgents)
    {
        _accounts = accounts;
        _sessions = sessions;
        _ips = ips;
        _userAgents = userAgents;
        _accountSet = accounts.ToFrozenSet(StringComparer.Ordinal);
        _sessionSet = sessions.ToFrozenSet(StringComparer.Ordinal);
        _ipSet = ips.ToFrozenSet(StringComparer.Ordinal);
        _userAgentSet = userAgents.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Actor ids (the journal's professional id): national ids, or "officer:…", "system:…".</summary>
    public IReadOnlyList<string> Accounts => _accounts;

    /// <summary>Session ids.</summary>
    public IReadOnlyList<string> Sessions => _sessions;

    /// <summary>Client IPs, normalised (<see cref="NormaliseIp"/>).</summary>
    public IReadOnlyList<string> ClientIps => _ips;

    /// <summary>User-Agent values, compared exactly.</summary>
    public IReadOnlyList<string> UserAgents => _userAgents;

    /// <summary>True when only accounts are named (the scope then needs no context index).</summary>
    public bool AccountsOnly => _sessions.Length == 0 && _ips.Length == 0 && _userAgents.Length == 0;

    /// <summary>Checks and normalises outside input; at least one value must be given.</summary>
    public static ParseResult<IncidentSelectors> Create(
        IEnumerable<string>? accounts, IEnumerable<string>? sessions = null, IEnumerable<string>? ips = null, IEnumerable<string>? userAgents = null)
    {
        var a = new List<string>();
        foreach (var value in accounts ?? [])
        {
            var account = NormaliseAccount(value);
            if (!account.Success)
            {
                return ParseResult<IncidentSelectors>.Fail(account.Error!);
            }

            a.Add(account.Value);
        }

        var s = new List<string>();
        foreach (var value in sessions ?? [])
        {
            if (!IsPlainText(value, MaxSessionLength))
            {
                return ParseResult<IncidentSelectors>.Fail($"a session id has 1 to {MaxSessionLength} printable characters");
            }

            s.Add(value);
        }

        var i = new List<string>();
        foreach (var value in ips ?? [])
        {
            if (NormaliseIp(value) is not { } ip)
            {
                return ParseResult<IncidentSelectors>.Fail("a client IP is an IPv4 or IPv6 address");
            }

            i.Add(ip);
        }

        var u = new List<string>();
        foreach (var value in userAgents ?? [])
        {
            if (string.IsNullOrEmpty(value) || value.Length > MaxUserAgentLength || value.Any(char.IsControl))
            {
                return ParseResult<IncidentSelectors>.Fail($"a user agent has 1 to {MaxUserAgentLength} characters without control characters");
            }

            u.Add(value);
        }

        if (a.Count + s.Count + i.Count + u.Count == 0)
        {
            return ParseResult<IncidentSelectors>.Fail("name at least one account, session, IP or user agent");
        }

        if (new[] { a.Count, s.Count, i.Count, u.Count }.Any(c => c > MaxValues))
        {
            return ParseResult<IncidentSelectors>.Fail($"at most {MaxValues} values of each kind");
        }

        return ParseResult<IncidentSelectors>.Ok(new IncidentSelectors(Canonical(a), Canonical(s), Canonical(i), Canonical(u)));
    }

    /// <summary>
    /// A national id in its canonical form (a bare 11-digit RPPS gets its "8" prefix); any other actor id of 1 to
    /// <see cref="JournalEntryIndex.MaxLength"/> printable characters without spaces is kept as is (officer and
    /// system accounts, local ids).
    /// </summary>
    public static ParseResult<string> NormaliseAccount(string? value)
    {
        var national = NationalId.Parse(value);
        if (national.Success)
        {
            return ParseResult<string>.Ok(national.Value.Value);
        }

        return value is not null && IsPlainText(value, JournalEntryIndex.MaxLength) && !value.Any(char.IsWhiteSpace)
            ? ParseResult<string>.Ok(value)
            : ParseResult<string>.Fail($"an account is a national id (8 + RPPS, 0 + ADELI) or an actor id of 1 to {JournalEntryIndex.MaxLength} characters without spaces");
    }

    /// <summary>
    /// The text form IPs are compared in: parsed and printed again, IPv4-mapped IPv6 as IPv4; null when the text
    /// is not an address. Applied to both the incident's values and the journal's, so "::ffff:192.0.2.1" matches "192.0.2.1".
    /// </summary>
    public static string? NormaliseIp(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 || !IPAddress.TryParse(text.Trim(), out var address))
        {
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>True when the entry's actor, session, client IP or user agent is named.</summary>
    public bool Matches(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (entry.Actor.ProfessionalId is { } actor && _accountSet.Contains(actor))
               || (entry.Request.Session is { } session && _sessionSet.Contains(session))
               || (_ipSet.Count > 0 && NormaliseIp(entry.Request.ClientIp) is { } ip && _ipSet.Contains(ip))
               || (entry.Request.UserAgent is { } ua && _userAgentSet.Contains(ua));
    }

    /// <summary>True when the account is named.</summary>
    public bool NamesAccount(string? account) => account is not null && _accountSet.Contains(account);

    /// <summary>True when the IP (normalised) is named.</summary>
    public bool NamesIp(string? ip) => ip is not null && _ipSet.Contains(ip);

    /// <summary>True when the user agent is named.</summary>
    public bool NamesUserAgent(string? userAgent) => userAgent is not null && _userAgentSet.Contains(userAgent);

    /// <summary>These selectors with more accounts (pivots accepted into the scope).</summary>
    public IncidentSelectors WithAccounts(IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return new IncidentSelectors(Canonical(_accounts.Concat(accounts)), _sessions, _ips, _userAgents);
    }

    /// <summary>These selectors with the values of <paramref name="other"/> added (a later canary hit's recipients).</summary>
    public IncidentSelectors Union(IncidentSelectors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new IncidentSelectors(Canonical(_accounts.Concat(other._accounts)), Canonical(_sessions.Concat(other._sessions)),
            Canonical(_ips.Concat(other._ips)), Canonical(_userAgents.Concat(other._userAgents)));
    }

    /// <inheritdoc />
    public bool Equals(IncidentSelectors? other) =>
        other is not null && _accounts.SequenceEqual(other._accounts, StringComparer.Ordinal) && _sessions.SequenceEqual(other._sessions, StringComparer.Ordinal)
        && _ips.SequenceEqual(other._ips, StringComparer.Ordinal) && _userAgents.SequenceEqual(other._userAgents, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_accounts.Length, _sessions.Length, _ips.Length, _userAgents.Length,
        _accounts.FirstOrDefault(), _ips.FirstOrDefault());

    private static string[] Canonical(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool IsPlainText(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && !value.Any(char.IsControl);
}
