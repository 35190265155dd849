namespace Vigie.Storage.Incidents;

/// <summary>How far the request-context index has read the journal (Id 1, created by the migration).</summary>
public sealed class ContextIndexStateRow
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>Incremented by every catch-up transaction; the update is what serialises concurrent catch-ups.</summary>
    public long Generation { get; set; }

    /// <summary>Every journal entry with a lower sequence number has been indexed.</summary>
    public long IndexedBefore { get; set; }

    /// <summary>Journal rows met whose bytes did not decode (not indexable; the journal verification names them).</summary>
    public long Unreadable { get; set; }
}
