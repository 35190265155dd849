using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>One journal entry in an incident's scope: a disclosure to a named account, session, IP or user agent.</summary>
/// <param name="Sequence">The entry's index in the journal (its Merkle leaf index).</param>
/// <param name="Time">When the data was sent.</param>
/// <param name="Account">The actor id, or null when the entry has none.</param>
/// <param name="Session">The session id.</param>
/// <param name="ClientIp">The client IP as journaled.</param>
/// <param name="UserAgent">The user agent as journaled.</param>
/// <param name="Action">What was done (read, search, $match, contact disclosure…).</param>
/// <param name="Patient">The patient disclosed.</param>
/// <param name="Disclosed">The categories sent.</param>
/// <param name="Intact">False when the stored row's hash, seal or index columns disagree with its bytes: run <c>vigie audit verify</c>.</param>
public sealed record ScopeEntry(
    long Sequence,
    DateTimeOffset Time,
    string? Account,
    string? Session,
    string? ClientIp,
    string? UserAgent,
    JournalAction Action,
    PatientId Patient,
    DisclosedData Disclosed,
    bool Intact)
{
    /// <summary>The scope entry of a journal entry that is a disclosure (<see cref="Disclosures.IsDisclosure"/>).</summary>
    public static ScopeEntry From(long sequence, JournalEntry entry, bool intact)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Disclosures.IsDisclosure(entry))
        {
            throw new ArgumentException("only disclosures belong to a scope", nameof(entry));
        }

        return new ScopeEntry(sequence, entry.Time, entry.Actor.ProfessionalId, entry.Request.Session, entry.Request.ClientIp,
            entry.Request.UserAgent, entry.Action, entry.Patient!.Value, entry.Disclosed, intact);
    }
}
