using Microsoft.EntityFrameworkCore;
using Vigie.Core;
using Vigie.Core.Incidents;

namespace Vigie.Storage.Incidents;

/// <summary>Incidents: open, find, list, change status, add accounts. EF directly, mapping in one place.</summary>
public static class IncidentStore
{
    /// <summary>An incident opened, or the one already open for the same alert (Created false).</summary>
    public static async Task<(Incident Incident, bool Created)> OpenAsync(VigieDbContext db, IncidentRequest request, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.AlertId is { } alert && await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.AlertId == alert, ct).ConfigureAwait(false) is { } existing)
        {
            return (ToIncident(existing), false);
        }

        var row = new IncidentRow
        {
            Title = request.Title,
            Origin = (int)request.Origin,
            AlertId = request.AlertId,
            WindowFrom = request.Window.From,
            WindowTo = request.Window.To,
            DetectedAt = request.DetectedAt,
            OpenedAt = now,
            OpenedBy = request.OpenedBy,
            Status = (int)IncidentStatus.Open,
            UpdatedAt = now,
            Accounts = Join(request.Selectors.Accounts),
            Sessions = Join(request.Selectors.Sessions),
            ClientIps = Join(request.Selectors.ClientIps),
            UserAgents = Join(request.Selectors.UserAgents),
        };
        db.Incidents.Add(row);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.AlertId is not null)
        {
            // Two nodes opened the same alert at once: the unique index let one through; return that one.
            db.ChangeTracker.Clear();
            var raced = request.AlertId;
            return (ToIncident(await db.Incidents.AsNoTracking().SingleAsync(i => i.AlertId == raced, ct).ConfigureAwait(false)), false);
        }

        return (ToIncident(row), true);
    }

    public static async Task<Incident?> FindAsync(VigieDbContext db, IncidentId id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id.Value, ct).ConfigureAwait(false);
        return row is null ? null : ToIncident(row);
    }

    /// <summary>Incidents, newest first, optionally only those with one status.</summary>
    public static async Task<IReadOnlyList<Incident>> ListAsync(VigieDbContext db, IncidentStatus? status, CancellationToken ct, int limit = 1000)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Incidents.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(i => i.Status == (int)s);
        }

        var rows = await query.OrderByDescending(i => i.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(ToIncident)];
    }

    public static async Task<Incident?> SetStatusAsync(VigieDbContext db, IncidentId id, IncidentStatus status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.Incidents.Where(i => i.Id == id.Value)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, (int)status).SetProperty(i => i.UpdatedAt, now), ct).ConfigureAwait(false);
        return updated == 1 ? await FindAsync(db, id, ct).ConfigureAwait(false) : null;
    }

    /// <summary>Adds accounts to the incident (pivots an officer accepted); the scope grows with them.</summary>
    public static async Task<ParseResult<Incident>> AddAccountsAsync(VigieDbContext db, IncidentId id, IEnumerable<string> accounts, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id.Value, ct).ConfigureAwait(false);
        if (row is null)
        {
            return ParseResult<Incident>.Fail("no such incident");
        }

        var added = IncidentSelectors.Create(accounts);
        if (!added.Success)
        {
            return ParseResult<Incident>.Fail(added.Error!);
        }

        var selectors = ToIncident(row).Selectors.WithAccounts(added.Value.Accounts);
        row.Accounts = Join(selectors.Accounts);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return ParseResult<Incident>.Ok(ToIncident(row));
    }

    /// <summary>
    /// Adds <paramref name="added"/> to the incident's selectors and moves its window's end to <paramref name="to"/>
    /// when later (a canary's later hits). Compare-and-set on the stored values, retried: two nodes adding at once
    /// both land. Null when there is no such incident.
    /// </summary>
    public static async Task<Incident?> WidenAsync(VigieDbContext db, IncidentId id, IncidentSelectors added, DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(added);
        while (true)
        {
            var row = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id.Value, ct).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var current = ToIncident(row);
            var selectors = current.Selectors.Union(added);
            var windowTo = to > row.WindowTo ? to : row.WindowTo;
            if (selectors.Equals(current.Selectors) && windowTo == row.WindowTo)
            {
                return current;
            }

            var (accounts, sessions, ips, agents) = (Join(selectors.Accounts), Join(selectors.Sessions), Join(selectors.ClientIps), Join(selectors.UserAgents));
            var (oldAccounts, oldSessions, oldIps, oldAgents, oldTo) = (row.Accounts, row.Sessions, row.ClientIps, row.UserAgents, row.WindowTo);
            var updated = await db.Incidents
                .Where(i => i.Id == id.Value && i.Accounts == oldAccounts && i.Sessions == oldSessions && i.ClientIps == oldIps && i.UserAgents == oldAgents && i.WindowTo == oldTo)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Accounts, accounts).SetProperty(i => i.Sessions, sessions).SetProperty(i => i.ClientIps, ips)
                    .SetProperty(i => i.UserAgents, agents).SetProperty(i => i.WindowTo, windowTo).SetProperty(i => i.UpdatedAt, now), ct)
                .ConfigureAwait(false);
            if (updated == 1)
            {
                return await FindAsync(db, id, ct).ConfigureAwait(false);
            }
        }
    }

    internal static Incident ToIncident(IncidentRow row)
    {
        // Stored values passed these same checks when the incident was opened.
        var selectors = IncidentSelectors.Create(Split(row.Accounts), Split(row.Sessions), Split(row.ClientIps), Split(row.UserAgents));
        return new Incident(new IncidentId(row.Id), row.Title, (IncidentOrigin)row.Origin, row.AlertId, new TimeWindow(row.WindowFrom, row.WindowTo),
            selectors.Success ? selectors.Value : throw new InvalidOperationException($"incident {row.Id} holds selectors that no longer parse: {selectors.Error}"),
            row.DetectedAt, row.OpenedAt, row.OpenedBy, (IncidentStatus)row.Status, row.UpdatedAt);
    }

    private static string Join(IEnumerable<string> values) => string.Join('\n', values);

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split('\n');
}
