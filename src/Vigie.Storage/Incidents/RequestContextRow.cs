namespace Vigie.Storage.Incidents;

/// <summary>
/// One distinct (account, session, client IP, user agent) seen in the journal, with the span of entries that
/// carried it: an index derived from the journal's bytes, so that "which accounts used this IP or this session" is
/// a lookup rather than a scan of every entry (the journal's own columns index only time, action, professional and
/// patient). A session yields about one row per catch-up batch it spans, not one per entry. Rows are only ever
/// inserted (one per distinct context per batch, keyed by its first entry), never updated, so catching up is a
/// sequential read of the journal and a bulk insert. It is rebuilt from the journal at will and is never evidence:
/// every scope entry is re-read and decoded from the journal itself.
/// </summary>
public sealed class RequestContextRow
{
    /// <summary>Hex SHA-256 of the four values (<see cref="ContextKeys.Key"/>); with <see cref="FirstSequence"/>, the row's key.</summary>
    public required string Key { get; set; }

    /// <summary>The journal's professional id column value (null when the entry had none, or one too long to index).</summary>
    public string? ProfessionalId { get; set; }

    /// <summary>The session's lookup form (<see cref="ContextKeys.Lookup"/>).</summary>
    public string? Session { get; set; }

    /// <summary>The normalised IP, or null when absent or not an address.</summary>
    public string? ClientIp { get; set; }

    /// <summary>The user agent's lookup form.</summary>
    public string? UserAgent { get; set; }

    public long FirstSequence { get; set; }
    public long LastSequence { get; set; }
    public DateTimeOffset FirstTime { get; set; }
    public DateTimeOffset LastTime { get; set; }
    /// <summary>Entries of this context between <see cref="FirstSequence"/> and <see cref="LastSequence"/> (a partial count when the context spans batches).</summary>
    public long Entries { get; set; }
}
