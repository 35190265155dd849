namespace Vigie.Core.Access;

/// <summary>Categories of contact data, disclosed (and counted) separately.</summary>
[Flags]
public enum ContactCategories
{
    /// <summary>No contact data.</summary>
    None = 0,

    /// <summary>Phone numbers.</summary>
    Phone = 1,

    /// <summary>Email addresses.</summary>
    Email = 2,

    /// <summary>Postal address.</summary>
    Address = 4,

    /// <summary>Every category.</summary>
    All = Phone | Email | Address,
}
