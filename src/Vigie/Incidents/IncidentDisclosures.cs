using Vigie.Core.Identity;
using Vigie.Core.Incidents;
using Vigie.Core.Journal;

namespace Vigie.Incidents;

/// <summary>
/// Showing a scope, a report or the affected-people list to a security officer discloses those patients again:
/// one journal entry per patient, as for any other response (IHE BALP). Viewing is <see cref="JournalAction.AuditQuery"/>,
/// files taken away (HTML report, CSV) are <see cref="JournalAction.AuditExport"/>. The query field names the
/// incident and the view, never patient data.
/// </summary>
internal static class IncidentDisclosures
{
    public static IReadOnlyList<JournalEntry> Entries(
        DateTimeOffset now, JournalActor actor, JournalRequest request, JournalAction action, IEnumerable<PatientId> patients, string view, IncidentId? incident,
        DisclosedData disclosed = DisclosedData.Identity)
    {
        var query = Query(incident, view);
        return [.. patients.Distinct().Select(p => new JournalEntry(now, actor, request, action, p, disclosed, query, Purpose, JournalOutcome.Success))];
    }

    /// <summary>The declared purpose of these disclosures.</summary>
    public const string Purpose = "incident-response";

    /// <summary>The minimised query: which incident, which view.</summary>
    public static string Query(IncidentId? incident, string view) => "incident=" + (incident?.ToString() ?? "ad-hoc") + ";view=" + view;
}
