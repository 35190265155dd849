using Vigie.Core.Identity;
using Vigie.Core.Journal;

namespace Vigie.Core.Incidents;

/// <summary>One patient in an incident's scope.</summary>
/// <param name="Patient">The patient id as journaled (a later merge does not change it).</param>
/// <param name="Categories">The union of the categories of every entry: identity, plus phone, email, address when any entry showed them.</param>
/// <param name="FirstDisclosure">The earliest disclosure in scope.</param>
/// <param name="LastDisclosure">The latest disclosure in scope.</param>
/// <param name="Entries">The journal indexes of the entries, ascending.</param>
/// <param name="Accounts">The actor ids the patient was disclosed to, sorted.</param>
public sealed record ExposedPatient(
    PatientId Patient,
    DisclosedData Categories,
    DateTimeOffset FirstDisclosure,
    DateTimeOffset LastDisclosure,
    IReadOnlyList<long> Entries,
    IReadOnlyList<string> Accounts);
