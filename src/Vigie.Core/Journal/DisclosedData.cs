namespace Vigie.Core.Journal;

/// <summary>
/// The categories of patient data a response disclosed. Contact categories are separate from identity because
/// the September 2025 attack harvested phone numbers and addresses: the journal must say which were shown.
/// </summary>
/// <remarks>The numeric values are part of the journal's byte encoding and never change.</remarks>
[Flags]
public enum DisclosedData
{
    /// <summary>No patient data (a denial, a sign-in, a search that returned nothing).</summary>
    None = 0,

    /// <summary>Identity traits: names, birth date, sex, birthplace, INS.</summary>
    Identity = 1,

    /// <summary>Phone numbers.</summary>
    Phone = 2,

    /// <summary>Email addresses.</summary>
    Email = 4,

    /// <summary>Postal address.</summary>
    Address = 8,
}
