using Vigie.Core.Identity;

namespace Vigie.Storage.Registry;

/// <summary>One establishment's local record to register: its IPP and the traits it declares.</summary>
public sealed record RegistrationRequest(
    string Finess,
    LocalIdentifier Local,
    IdentityTraits Traits,
    IdentityStatus Status,
    IdentityFlags Flags,
    InsNumber? Ins);

/// <summary>What registration did with one local record.</summary>
public enum RegistrationKind
{
    /// <summary>A new regional identity was created for it.</summary>
    Created,
    /// <summary>It was linked to an existing identity by a certain match (or the same INS).</summary>
    Linked,
    /// <summary>The local identifier was already registered: nothing changed (idempotent re-send).</summary>
    AlreadyRegistered,
}

/// <summary>The outcome for one request, with the probable matches that were queued for human review.</summary>
public sealed record RegistrationOutcome(RegistrationKind Kind, PatientId Identity, double? LinkScore, int QueuedForReview);
