using Vigie.Core.Identity;

namespace Vigie.Simulation.Identities;

/// <summary>
/// The ground truth about one synthetic person, from which every one of their records is derived.
/// Set once by <see cref="PersonFactory"/>; only <see cref="Ins"/> is filled later, because INS order numbers
/// must be allocated in stream order to be unique (see <see cref="NirOrderAllocator"/>).
/// </summary>
internal sealed class Person
{
    public required int Key { get; init; }

    public required Sex Sex { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required NameEntry BirthName { get; init; }

    public required NameEntry FirstGivenName { get; init; }

    /// <summary>The given names after the first, in civil-status order; often empty.</summary>
    public required NameEntry[] FurtherGivenNames { get; init; }

    /// <summary>The whole list, first given name included, as one space-separated name.</summary>
    public required NameEntry GivenNames { get; init; }

    public required Place Birthplace { get; init; }

    public NameEntry? UsedName { get; init; }

    /// <summary>Mobile number without its leading 0 (612345678), or 0 when none.</summary>
    public long Mobile { get; init; }

    /// <summary>Landline number without its leading 0 (320123456), or 0 when none.</summary>
    public long Landline { get; init; }

    /// <summary>No or one address; an array so that all the person's records can share it.</summary>
    public required string[] Emails { get; init; }

    public PostalAddress? Address { get; init; }

    /// <summary>True when the person's identity is qualified: the reference record is QUAL and carries the INS.</summary>
    public bool Qualified { get; init; }

    /// <summary>How many records beyond the reference record this person has (their known duplicates).</summary>
    public int ExtraRecords { get; init; }

    /// <summary>The person whose strict traits this one deliberately shares, for hard-negative homonyms.</summary>
    public int? HomonymOf { get; init; }

    /// <summary>The INS-NIR value (15 characters), once allocated; null for a person who is not qualified.</summary>
    public string? Ins { get; set; }
}
