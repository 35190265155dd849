namespace Vigie.Storage.Journal;

/// <summary>
/// One journal entry. <see cref="Entry"/> holds the evidence (the canonical bytes); the other columns are copies for
/// queries and proofs, and the verifier checks every one of them against the bytes.
/// </summary>
public sealed class JournalEntryRow
{
    /// <summary>The leaf index in the Merkle log, from 0, without gaps (assigned under the journal lock, never by the database).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }
    public int Action { get; set; }
    public string? ProfessionalId { get; set; }
    public string? PatientId { get; set; }

    /// <summary>The canonical encoding (Vigie.Core.Journal.JournalEntryEncoding).</summary>
    public required byte[] Entry { get; set; }

    /// <summary>SHA-256(0x00 || Entry), kept so proofs need not rehash entries.</summary>
    public required byte[] LeafHash { get; set; }

    /// <summary>The entry seal (keyed MAC of sequence and leaf hash) that names a tampered row exactly.</summary>
    public required byte[] Seal { get; set; }
}
