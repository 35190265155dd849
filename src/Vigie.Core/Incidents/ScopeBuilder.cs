using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>
/// The scope's definition and its aggregation, pure. Storage only has to hand over a superset of the journal
/// entries (those of candidate accounts in a slightly wider window): membership is decided here, by
/// <see cref="Admits"/>, so the definition lives in one place that a property test checks against brute force.
/// </summary>
public static class ScopeBuilder
{
    /// <summary>The categories in the order declarations list them.</summary>
    public static IReadOnlyList<DisclosedData> CategoryOrder { get; } = [DisclosedData.Identity, DisclosedData.Phone, DisclosedData.Email, DisclosedData.Address];

    /// <summary>True when the entry is in the scope: inside the window, naming a selector, and a disclosure.</summary>
    public static bool Admits(TimeWindow window, IncidentSelectors selectors, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        ArgumentNullException.ThrowIfNull(entry);
        return window.Contains(entry.Time) && Disclosures.IsDisclosure(entry) && selectors.Matches(entry);
    }

    /// <summary>Aggregates admitted entries (given in any order, duplicates ignored) into the scope.</summary>
    public static IncidentScope Build(
        TimeWindow window, IncidentSelectors selectors, long journalSize, IEnumerable<ScopeEntry> admitted, ScopeIntegrity integrity, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        var entries = admitted.DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToArray();
        var patients = entries.GroupBy(e => e.Patient.Value, StringComparer.Ordinal)
            .Select(g => new ExposedPatient(
                new PatientId(g.Key),
                g.Aggregate(DisclosedData.None, (c, e) => c | e.Disclosed),
                g.Min(e => e.Time),
                g.Max(e => e.Time),
                [.. g.Select(e => e.Sequence)],
                [.. g.Select(e => e.Account ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderBy(p => p.Patient.Value, StringComparer.Ordinal)
            .ToArray();
        return new IncidentScope(window, selectors, journalSize, patients, entries, Summarise(patients, entries), integrity, null, computedAt);
    }

    /// <summary>The counts of a set of patients and their entries.</summary>
    public static ScopeSummary Summarise(IReadOnlyList<ExposedPatient> patients, IReadOnlyList<ScopeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(patients);
        ArgumentNullException.ThrowIfNull(entries);
        var categories = CategoryOrder
            .Select(c => new CategoryCount(c, patients.Count(p => p.Categories.HasFlag(c)), entries.Count(e => e.Disclosed.HasFlag(c))))
            .ToArray();
        var accounts = entries.GroupBy(e => e.Account ?? "", StringComparer.Ordinal)
            .Select(g => new AccountCount(g.Key.Length == 0 ? null : g.Key, g.Select(e => e.Patient.Value).Distinct(StringComparer.Ordinal).Count(), g.Count(),
                g.Min(e => e.Time), g.Max(e => e.Time)))
            .OrderByDescending(a => a.Records).ThenBy(a => a.Account, StringComparer.Ordinal)
            .ToArray();
        const DisclosedData contact = DisclosedData.Phone | DisclosedData.Email | DisclosedData.Address;
        return new ScopeSummary(
            patients.Count,
            entries.Count,
            categories,
            accounts,
            patients.Count(p => (p.Categories & contact) != DisclosedData.None),
            entries.Count == 0 ? null : entries.Min(e => e.Time),
            entries.Count == 0 ? null : entries.Max(e => e.Time));
    }
}
