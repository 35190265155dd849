using Microsoft.EntityFrameworkCore;
using Vigie.Core.Notices;

namespace Vigie.Storage.Notices;

/// <summary>The portal's answers, recorded and counted (see <see cref="PortalAnswerRow"/>).</summary>
public static class PortalAnswers
{
    extension(VigieDbContext db)
    {
        public DbSet<PortalAnswerRow> PortalAnswerRows => db.Set<PortalAnswerRow>();
    }

    /// <summary>Answers per outcome (and refusal reason) over a period.</summary>
    public sealed record OutcomeCount(PortalOutcome Outcome, ReferenceProblem Problem, int Count);

    /// <summary>Genuine answers per incident: how many times, and how many distinct notifications were checked.</summary>
    public sealed record IncidentCount(string Incident, int Verifications, int Notifications);

    public sealed record Summary(IReadOnlyList<OutcomeCount> Outcomes, IReadOnlyList<IncidentCount> GenuineByIncident);

    public static async Task RecordAsync(VigieDbContext db, PortalOutcome outcome, ReferenceProblem problem, long? notificationId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.PortalAnswerRows.Add(new PortalAnswerRow { At = at, Outcome = (int)outcome, Problem = (int)problem, NotificationId = notificationId });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>Counts since <paramref name="since"/>, grouped in the database.</summary>
    public static async Task<Summary> SummarizeAsync(VigieDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answers = db.PortalAnswerRows.AsNoTracking().Where(a => a.At >= since);
        var outcomes = await answers.GroupBy(a => new { a.Outcome, a.Problem }).Select(g => new { g.Key.Outcome, g.Key.Problem, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var genuine = await answers.Where(a => a.Outcome == (int)PortalOutcome.Genuine)
            .Join(db.Notifications, a => a.NotificationId, n => (long?)n.Id, (a, n) => new { n.IncidentId, n.Id })
            .GroupBy(x => x.IncidentId).Select(g => new { Incident = g.Key, Verifications = g.Count(), Notifications = g.Select(x => x.Id).Distinct().Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        return new Summary(
            [.. outcomes.OrderBy(o => o.Outcome).ThenBy(o => o.Problem).Select(o => new OutcomeCount((PortalOutcome)o.Outcome, (ReferenceProblem)o.Problem, o.Count))],
            [.. genuine.OrderBy(g => g.Incident, StringComparer.Ordinal).Select(g => new IncidentCount(g.Incident, g.Verifications, g.Notifications))]);
    }
}
