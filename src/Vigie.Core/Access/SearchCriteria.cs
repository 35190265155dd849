namespace Vigie.Core.Access;

/// <summary>The shape of a search, without its values: what the specificity rules look at.</summary>
/// <param name="FamilyLength">Characters in the family name given, or 0 when absent.</param>
/// <param name="FamilyExact">True for family:exact.</param>
/// <param name="GivenLength">Characters in the given name given, or 0 when absent.</param>
/// <param name="GivenExact">True for given:exact.</param>
/// <param name="BirthDateSpanDays">Days covered by the birthdate criterion (1 for one day; int.MaxValue for an open range); null when absent.</param>
/// <param name="HasGender">True when gender is given.</param>
/// <param name="HasIdentifier">True when an identifier is given.</param>
/// <param name="Count">The page size asked for.</param>
public sealed record SearchCriteria(int FamilyLength, bool FamilyExact, int GivenLength, bool GivenExact, int? BirthDateSpanDays, bool HasGender, bool HasIdentifier, int Count);
