namespace Vigie.Core.Detection;

/// <summary>Which traits a search or match gave (their values are not kept).</summary>
[Flags]
public enum QueryTraits
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Family (birth or used) name, whole or prefix.</summary>
    Family = 1,

    /// <summary>Given name.</summary>
    Given = 2,

    /// <summary>Birth date (one day).</summary>
    BirthDate = 4,

    /// <summary>Gender.</summary>
    Gender = 8,

    /// <summary>Birthplace code.</summary>
    Birthplace = 16,

    /// <summary>An identifier (INS, IPP).</summary>
    Identifier = 32,

    /// <summary>Contact data used as a criterion (phone, email, address).</summary>
    Contact = 64,
}
