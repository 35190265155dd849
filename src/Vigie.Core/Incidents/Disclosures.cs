using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>What counts as a disclosure in an incident's scope.</summary>
public static class Disclosures
{
    /// <summary>
    /// True when the entry records patient data actually sent: a patient, at least one category, and the outcome
    /// <see cref="JournalOutcome.Success"/> (whose meaning is "any data named in Disclosed was sent"). The action is
    /// deliberately not consulted: a read, a search, a $match, a contact disclosure, or a create or update whose
    /// response carried the record all count the same, and a new action added later is counted without a change here.
    /// Denials, not-found answers and failures carry no data whatever their categories say.
    /// </summary>
    public static bool IsDisclosure(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Outcome == JournalOutcome.Success && entry.Patient is not null && entry.Disclosed != DisclosedData.None;
    }
}
