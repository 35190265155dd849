namespace Vigie.Core.Matching;

/// <summary>The fields a <see cref="ComparisonVector"/> compares, in the order a <see cref="MatchModel"/> stores them.</summary>
public enum ComparisonField
{
    /// <summary>Birth and used names together (<see cref="NameAgreement"/>).</summary>
    FamilyName = 0,
    /// <summary>First given name, also looked up in the other's given names (<see cref="GivenNameAgreement"/>).</summary>
    FirstGivenName = 1,
    /// <summary>Birth date (<see cref="DateAgreement"/>).</summary>
    BirthDate = 2,
    /// <summary>Sex (<see cref="Agreement"/>).</summary>
    Sex = 3,
    /// <summary>Birthplace INSEE code (<see cref="PlaceAgreement"/>).</summary>
    Birthplace = 4,
    /// <summary>Any phone number in common (<see cref="Agreement"/>).</summary>
    Phone = 5,
    /// <summary>Any email address in common (<see cref="Agreement"/>).</summary>
    Email = 6,
    /// <summary>Further given names as sets (<see cref="GivenNamesAgreement"/>).</summary>
    GivenNames = 7,
    /// <summary>Postal address (<see cref="AddressAgreement"/>).</summary>
    Address = 8,
}
