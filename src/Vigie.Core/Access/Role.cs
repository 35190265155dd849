namespace Vigie.Core.Access;

/// <summary>
/// What a principal does in an establishment. A professional may hold several (a physician on emergency duty).
/// Roles come from the token's profession and activity (see <see cref="RoleMapping"/>) and from the functions an
/// establishment assigns in the professionals table.
/// </summary>
[Flags]
public enum Role
{
    /// <summary>No role: every clinical or administrative action is refused.</summary>
    None = 0,

    /// <summary>Admission desk (bureau des entrées): registers patients, needs their contact data.</summary>
    Admission = 1,

    /// <summary>Physician.</summary>
    Physician = 2,

    /// <summary>Nurse.</summary>
    Nurse = 4,

    /// <summary>Medical secretary: arranges appointments, needs contact data.</summary>
    Secretary = 8,

    /// <summary>Identity-vigilance officer: reviews duplicates, merges, corrects identities.</summary>
    IdentityVigilance = 16,

    /// <summary>Emergency department staff.</summary>
    Emergency = 32,

    /// <summary>Security officer: reviews break-the-glass and disclosures; never browses patients.</summary>
    SecurityOfficer = 64,
}
