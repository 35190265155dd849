using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// One local patient record of the synthetic region, as an establishment would send it, together with the
/// ground truth about it (which person it belongs to, whether and how it was corrupted).
/// </summary>
/// <param name="Index">Position in the generated stream, from 0: the record index scored pairs refer to.</param>
/// <param name="PersonKey">Ground truth: records with the same key are the same person (true duplicates).</param>
/// <param name="Establishment">Where the record was created.</param>
/// <param name="Ipp">The local patient identifier in the establishment's IPP system.</param>
/// <param name="Status">PROV, VALI or QUAL.</param>
/// <param name="Ins">The person's INS-NIR, present exactly when <paramref name="Status"/> is QUAL.</param>
/// <param name="RawTraits">Traits as typed at the admission desk: accents, mixed case, typographic apostrophes.</param>
/// <param name="Traits">The same traits with names in INS form (upper case A-Z, space, hyphen, apostrophe).</param>
/// <param name="IsReference">Ground truth: the person's first, uncorrupted record; every other record of the person is a known duplicate.</param>
/// <param name="Corruptions">Ground truth: what was done to this record relative to the reference record.</param>
/// <param name="HomonymOf">Ground truth: the person whose birth name, first given name, sex and birth date this
/// person deliberately shares without being them (a hard negative), or null.</param>
public sealed record GeneratedRecord(
    int Index,
    int PersonKey,
    Establishment Establishment,
    LocalIdentifier Ipp,
    IdentityStatus Status,
    InsNumber? Ins,
    IdentityTraits RawTraits,
    IdentityTraits Traits,
    bool IsReference,
    RecordCorruptions Corruptions,
    int? HomonymOf);
