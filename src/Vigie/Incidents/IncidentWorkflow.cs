using Vigie.Core.Incidents;
using Vigie.Core.Journal;
using Vigie.Storage;
using Vigie.Storage.Incidents;

namespace Vigie.Incidents;

/// <summary>What the CLI and the API both do with an incident, in one place.</summary>
internal static class IncidentWorkflow
{
    /// <summary>A scope with its pivots, and everything a report needs.</summary>
    public sealed record Investigation(ScopeResult Scoped, PivotReport? Pivots)
    {
        public IncidentScope Scope => Scoped.Scope;
    }

    public static async Task<Investigation> InvestigateAsync(
        VigieDbContext db, TimeWindow window, IncidentSelectors selectors, JournalTrust? trust, bool proofs, bool pivots, DateTimeOffset now, CancellationToken ct)
    {
        var scoped = await ScopeQuery.ComputeAsync(db, window, selectors, trust, proofs, now, ct).ConfigureAwait(false);
        var pivotReport = pivots ? await PivotQuery.ComputeAsync(db, scoped, ct).ConfigureAwait(false) : null;
        return new Investigation(scoped, pivotReport);
    }

    public static Task<Investigation> InvestigateAsync(VigieDbContext db, Incident incident, JournalTrust? trust, bool proofs, bool pivots, DateTimeOffset now, CancellationToken ct) =>
        InvestigateAsync(db, incident.Window, incident.Selectors, trust, proofs, pivots, now, ct);

    /// <summary>The declaration drafts as JSON-ready data, with their Markdown.</summary>
    public static object Declarations(DeclarationSet set, TimeZoneInfo zone) => new
    {
        cnil = set.Cnil,
        healthIncident = set.HealthIncident,
        markdown = new { cnil = DeclarationMarkdown.Render(set.Cnil, zone), healthIncident = DeclarationMarkdown.Render(set.HealthIncident, zone) },
    };
}
