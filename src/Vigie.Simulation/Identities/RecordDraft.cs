using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// A record made in parallel, before its position in the stream (its index) and its person's INS are known;
/// both are settled in stream order and the draft becomes a <see cref="GeneratedRecord"/>.
/// </summary>
internal readonly record struct RecordDraft(
    Person Person,
    bool IsReference,
    Establishment Establishment,
    LocalIdentifier Ipp,
    IdentityStatus Status,
    IdentityTraits RawTraits,
    IdentityTraits Traits,
    RecordCorruptions Corruptions);
