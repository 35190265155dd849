namespace Vigie.Simulation.Identities;

/// <summary>
/// What was done to a duplicate record compared with its person's reference record: the ground truth of
/// why a matcher found it, or did not. Reference records carry <see cref="None"/>.
/// </summary>
[Flags]
public enum RecordCorruptions
{
    /// <summary>An exact copy of the person's traits (contact formatting and letter case aside).</summary>
    None = 0,

    /// <summary>A typo in the birth name; the kind is in the Letter* flags.</summary>
    BirthNameTypo = 1 << 0,

    /// <summary>A typo in the first given name (and so in the list of given names).</summary>
    FirstGivenNameTypo = 1 << 1,

    /// <summary>A typo replaced a letter by an AZERTY neighbour or a sound-alike.</summary>
    LetterSubstituted = 1 << 2,

    /// <summary>A typo deleted a letter.</summary>
    LetterDeleted = 1 << 3,

    /// <summary>A typo inserted (usually doubled) a letter.</summary>
    LetterInserted = 1 << 4,

    /// <summary>A typo swapped two adjacent letters.</summary>
    LettersTransposed = 1 << 5,

    /// <summary>Day and month exchanged (07/03 read as 03/07).</summary>
    BirthDateDayMonthSwapped = 1 << 6,

    /// <summary>One digit of the birth date one off.</summary>
    BirthDateDigitChanged = 1 << 7,

    /// <summary>The used (married) name recorded as the birth name, and no used name.</summary>
    UsedNameAsBirthName = 1 << 8,

    /// <summary>Birth name and used name recorded the wrong way round.</summary>
    BirthAndUsedNamesSwapped = 1 << 9,

    /// <summary>
    /// The birth name's separators changed: "Le Gall" as "Legall", "D'Hondt" as "D Hondt",
    /// "Martin--Dupont" as "Martin-Dupont".
    /// </summary>
    BirthNameSeparatorVariant = 1 << 10,

    /// <summary>A compound first given name written differently: "Jean Pierre", "Jeanpierre" or just "Jean".</summary>
    FirstGivenNameVariant = 1 << 11,

    /// <summary>The usual given name (a later one on the birth certificate) recorded as the first given name.</summary>
    UsualGivenNameAsFirst = 1 << 12,

    /// <summary>The list of given names left empty.</summary>
    GivenNamesMissing = 1 << 13,

    /// <summary>The birthplace code left empty.</summary>
    BirthplaceMissing = 1 << 14,

    /// <summary>The person's phone numbers not recorded.</summary>
    PhoneMissing = 1 << 15,

    /// <summary>The person's email not recorded.</summary>
    EmailMissing = 1 << 16,

    /// <summary>The person's address not recorded.</summary>
    AddressMissing = 1 << 17,

    /// <summary>The person had moved: the record carries another address.</summary>
    AddressChanged = 1 << 18,
}
