using Vigie.Core.Access;
using Vigie.Core.Identity;

namespace Vigie.Core.Detection;

/// <summary>
/// One request as the risk engine sees it, before anything is disclosed: who asks, from where, what for, and the
/// patients the request would disclose if it were allowed. Built by the host for every search, match or read, and
/// by `vigie replay` from a trace line. It holds no identity data besides patient ids: the query is only its shape.
/// </summary>
/// <param name="Time">When the request arrived: the engine's only clock (events' own times, so replay is exact).</param>
/// <param name="Professional">The account: the professional's national id.</param>
/// <param name="Establishment">The establishment the professional acts for; care links are judged against it.</param>
/// <param name="Role">The role used for this request; with the establishment it names the peer group.</param>
/// <param name="Session">The session id (<c>sid</c>, else the token id): the unit of session containment.</param>
/// <param name="ClientIp">The client address (after trusted proxies), or null when unknown.</param>
/// <param name="UserAgent">The User-Agent header, or null.</param>
/// <param name="Action">Search, match or read (other actions are judged like a read of what they return).</param>
/// <param name="Query">The search's or match's shape; null for a read.</param>
/// <param name="Patients">The patients the request would disclose if allowed (empty: nothing found).</param>
/// <param name="Categories">The contact data the request would disclose.</param>
/// <param name="Purpose">The break-the-glass purpose code declared for this request, or null.</param>
/// <param name="AuthenticatedAt">The token's <c>auth_time</c>, or null when unknown: a value strictly after a step-up
/// was demanded proves it was passed; an old one raises the token-age signal.</param>
public sealed record AccessEvent(
    DateTimeOffset Time,
    NationalId Professional,
    Finess Establishment,
    Role Role,
    string Session,
    string? ClientIp,
    string? UserAgent,
    AccessAction Action,
    QueryShape? Query,
    IReadOnlyList<PatientId> Patients,
    ContactCategories Categories,
    string? Purpose,
    DateTimeOffset? AuthenticatedAt = null);
