using Vigie.Core.Identity;

namespace Vigie.Core.Journal;

/// <summary>
/// One journal entry: one patient disclosed, or one security-relevant action. Searches write one entry per
/// patient returned (IHE BALP). The entry's evidence form is its bytes (<see cref="JournalEntryEncoding"/>);
/// this record is what the host builds and what a reader decodes.
/// </summary>
/// <param name="Time">When the action happened (from the injected clock). Stored as UTC ticks; the offset is not kept.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Request">The request context.</param>
/// <param name="Action">What was done.</param>
/// <param name="Patient">The patient concerned, or null for an action on no single patient (sign-in, empty search).</param>
/// <param name="Disclosed">Which categories of the patient's data were sent.</param>
/// <param name="Query">The query, minimised: parameter names and match grades, never the searched traits.</param>
/// <param name="Purpose">The declared purpose, required for break-the-glass access.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record JournalEntry(
    DateTimeOffset Time,
    JournalActor Actor,
    JournalRequest Request,
    JournalAction Action,
    PatientId? Patient,
    DisclosedData Disclosed,
    string? Query,
    string? Purpose,
    JournalOutcome Outcome);
