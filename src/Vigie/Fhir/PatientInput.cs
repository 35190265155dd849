using Vigie.Core.Identity;

namespace Vigie.Fhir;

/// <summary>What a client sent in a Patient resource, once checked and normalised.</summary>
internal sealed record PatientInput(
    IdentityTraits Traits,
    IdentityStatus Status,
    IdentityFlags Flags,
    InsNumber? Ins,
    IReadOnlyList<LocalIdentifier> LocalIdentifiers);
