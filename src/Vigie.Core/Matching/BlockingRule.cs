namespace Vigie.Core.Matching;

/// <summary>
/// The families of blocking keys (<see cref="BlockingKeys"/>); a key carries its rule in its top four bits
/// (<see cref="BlockingKeys.RuleOf"/>).
/// </summary>
public enum BlockingRule
{
    /// <summary>Phonetic family name (birth or used) + birth year.</summary>
    FamilyNameAndBirthYear = 1,
    /// <summary>Phonetic first given name + full birth date.</summary>
    GivenNameAndBirthDate = 2,
    /// <summary>Full birth date + sex, also with day and month swapped.</summary>
    BirthDateAndSex = 3,
    /// <summary>Phonetic family name (birth or used) + phonetic first given name + birth month.</summary>
    FamilyNameAndGivenName = 4,
    /// <summary>Exact family name (birth or used) + first letter of the first given name.</summary>
    ExactFamilyNameAndInitial = 5,
    /// <summary>A phone number.</summary>
    Phone = 6,
    /// <summary>An email address.</summary>
    Email = 7,
    /// <summary>Phonetic first given name + birthplace + birth year.</summary>
    GivenNameBirthplaceAndYear = 8,
}
